// The app as a whole: what the window needs first (counts, recovery, storage warnings) and the
// first-run choice between demonstration data and an empty archive.
import { version } from '../../../../package.json'
import type { appContract } from '../../../shared/api/app'
import { AppError } from '../../../shared/api/errors'
import { withoutPassword } from '../db/postgres/client-options'
import type { Host } from '../rpc/host'
import type { AppInfo } from '../../../shared/domain/dto'
import { checkArchive } from '../backup/check-archive'
import { toBackupInfo } from '../backup/handlers'
import { storageWarnings } from '../backup/storage-warnings'
import { loadDemo } from '../demo/load-demo'
import type { HandlerDeps, SliceHandlers } from '../handler-deps'
import { getSetting, SETTING, setSetting } from '../settings/settings'
import { letterCount, rowCount } from './app-repository'

export function appHandlers({ ctx, core, resourcesDir }: HandlerDeps): SliceHandlers<typeof appContract> {
  const appInfo = async (): Promise<AppInfo> => {
    const counts = { letters: await letterCount(ctx.db), recommendations: await rowCount(ctx.db, 'recommendations'), organisations: await rowCount(ctx.db, 'organisations') }
    const choice = await getSetting(ctx.db, SETTING.firstRunChoice)
    const empty = counts.letters === 0 && counts.recommendations === 0 && counts.organisations === 0
    const recovery = core.recovery && { movedTo: core.recovery.movedTo, reason: core.recovery.reason, latestBackup: core.recovery.latestBackup && toBackupInfo(core.recovery.latestBackup) }
    return {
      version,
      databasePath: withoutPassword(core.databasePath),
      schemaVersion: core.database.schemaVersion(),
      needsFirstRunChoice: empty && choice === null && !recovery,
      counts,
      recovery,
      warnings: storageWarnings(core.databasePath),
    }
  }
  return {
    'app.info': appInfo,
    'app.chooseStart': async ({ choice }) => {
      const demo = choice === 'demo' ? await loadDemo(ctx, resourcesDir) : null
      await setSetting(ctx, SETTING.firstRunChoice, choice)
      return { ...(await appInfo()), demo }
    },
    'app.check': async () => ({ problems: await checkArchive(core.database) }),
    'app.teamDatabase': async (_input, { host }) => ({ saved: host.teamDatabase?.read() ?? null, canChange: host.teamDatabase !== undefined }),
    'app.saveTeamDatabase': async (input, { host }) => teamDatabaseStore(host).save(input),
    'app.forgetTeamDatabase': async (_input, { host }) => {
      const store = teamDatabaseStore(host)
      const forgotten = store.read() !== null
      store.forget()
      return { forgotten }
    },
  }
}

function teamDatabaseStore(host: Host) {
  if (!host.teamDatabase) throw new AppError('conflict', 'Connecting to a team database is a setting of the desktop app; here, start Progress Desk with --db postgres://… or PROGRESS_DESK_DB instead.')
  return host.teamDatabase
}
