// The app as a whole: what the window needs first (counts, recovery, storage warnings) and the
// first-run choice between demonstration data and an empty archive.
import { version } from '../../../../package.json'
import type { appContract } from '../../../shared/api/app'
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
      databasePath: core.databasePath,
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
  }
}
