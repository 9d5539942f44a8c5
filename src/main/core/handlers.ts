// Binds every contract method to the service that does the work.
import { version } from '../../../package.json'
import type { AppInfo } from '../../shared/domain/dto'
import { recentAudit } from './audit/audit-queries'
import { backupNow, listBackups, restoreBackup, toBackupInfo } from './backup/backup-handlers'
import { storageWarnings } from './backup/storage-warnings'
import type { CoreContext } from './context'
import { listCycles } from './cycles/cycle-service'
import { schemaVersion } from './db/migrate'
import type { Core } from './core'
import { loadDemo } from './demo/load-demo'
import { importFiles } from './letters/import-service'
import { getImportLimits, saveImportLimits } from './letters/import-settings'
import { mergeLetters } from './letters/merge-letters'
import { dismissNearDuplicate, nearDuplicates } from './letters/near-duplicate-service'
import { updateLetter } from './letters/update-letter'
import { createOrganisation } from './organisations/create-organisation'
import { getLetter, listLetters } from './letters/letter-queries'
import { listGroups } from './organisations/groups'
import { listOrganisations, parseOrganisationsCsv, upsertOrganisations } from './organisations/organisation-service'
import { getRecommendation, listRecommendations } from './recommendations/recommendation-queries'
import { listReports } from './recommendations/report-service'
import { exportSummary } from './report/export-service'
import { ExportedFiles, openOriginal } from './files/open-files'
import { parseRecommendationsCsv, upsertRecommendations } from './recommendations/recommendation-import'
import { getExportSettings, saveExportSettings } from './report/export-settings'
import { exportRegister } from './report/register-export'
import { buildSummaryModel } from './report/summary-model-from-db'
import { outlineOf } from './report/summary-outline'
import { setAssessment } from './review/assessment-service'
import { createLink, removeLink } from './review/link-service'
import { createReviewHandlers } from './review-handlers'
import type { Handlers } from './rpc/dispatch'
import { getSetting, SETTING, setSetting } from './settings/settings'

export interface HandlerDeps {
  ctx: CoreContext
  /** The core itself, for what changes under it (the connection, after a restore). */
  core: Pick<Core, 'connection' | 'databasePath' | 'recovery' | 'restore'>
  resourcesDir: string
}

export function createHandlers({ ctx, core, resourcesDir }: HandlerDeps): Handlers {
  const appInfo = async (): Promise<AppInfo> => {
    const count = async (table: 'letters' | 'recommendations' | 'organisations') =>
      (await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n
    const counts = { letters: await count('letters'), recommendations: await count('recommendations'), organisations: await count('organisations') }
    const choice = await getSetting(ctx.db, SETTING.firstRunChoice)
    const empty = counts.letters === 0 && counts.recommendations === 0 && counts.organisations === 0
    const recovery = core.recovery && { movedTo: core.recovery.movedTo, reason: core.recovery.reason, latestBackup: core.recovery.latestBackup && toBackupInfo(core.recovery.latestBackup) }
    return {
      version,
      databasePath: core.databasePath,
      schemaVersion: schemaVersion(core.connection),
      needsFirstRunChoice: empty && choice === null && !recovery,
      counts,
      recovery,
      warnings: storageWarnings(core.databasePath),
    }
  }

  // Paths the core wrote this session: the only ones the renderer may ask to open.
  const exported = new ExportedFiles()
  const remembered = <T extends { path: string | null }>(result: T): T => {
    exported.remember(result.path)
    return result
  }

  return {
    'app.info': appInfo,
    'app.chooseStart': async ({ choice }) => {
      if (choice === 'demo') await loadDemo(ctx, resourcesDir)
      await setSetting(ctx, SETTING.firstRunChoice, choice)
      return appInfo()
    },
    'groups.list': () => listGroups(ctx.db),
    'organisations.list': () => listOrganisations(ctx),
    'organisations.create': (input) => createOrganisation(ctx, input),
    'reports.list': () => listReports(ctx.db),
    'cycles.list': () => listCycles(ctx.db),
    'letters.list': (input) => listLetters(ctx, input),
    'letters.get': ({ id }) => getLetter(ctx, id),
    'letters.import': ({ files }) =>
      importFiles(ctx, files.map((file) => ({ name: file.name, bytes: new Uint8Array(Buffer.from(file.dataBase64, 'base64')) })), 'app'),
    'letters.update': (input) => updateLetter(ctx, input),
    'letters.nearDuplicates': ({ letterId }) => nearDuplicates(ctx, letterId),
    'letters.merge': ({ keepId, removeId }) => mergeLetters(ctx, keepId, removeId),
    'letters.dismissNearDuplicate': ({ letterId, duplicateOf }) => dismissNearDuplicate(ctx, letterId, duplicateOf),
    'letters.importLimits': () => getImportLimits(ctx.db),
    'letters.saveImportLimits': (input) => saveImportLimits(ctx, input),
    'recommendations.list': ({ cycleId }) => listRecommendations(ctx, cycleId),
    'recommendations.get': ({ id, cycleId }) => getRecommendation(ctx, id, cycleId),
    'links.create': (input) => createLink(ctx, input),
    'links.remove': ({ id }) => removeLink(ctx, id),
    'assessments.set': (input) => setAssessment(ctx, input),
    'summary.export': async (input, { host }) => remembered(await exportSummary(ctx, host, input)),
    'summary.outline': async (input) => outlineOf(await buildSummaryModel(ctx, input)),
    'summary.settings': () => getExportSettings(ctx.db),
    'summary.saveSettings': (changes) => saveExportSettings(ctx, changes),
    'register.export': async ({ format }, { host }) => remembered(await exportRegister(ctx, host, format)),
    'files.openExport': ({ path }, { host }) => exported.open(host, path),
    'letters.openOriginal': ({ id }, { host }) => openOriginal(ctx, host, id),
    'organisations.importCsv': ({ csv }) => upsertOrganisations(ctx, parseOrganisationsCsv(csv)),
    'recommendations.importCsv': async ({ csv, reportTitle }) => {
      const { created, updated } = await upsertRecommendations(ctx, parseRecommendationsCsv(csv), reportTitle ? { title: reportTitle } : null)
      return { created, updated }
    },
    'backup.list': () => listBackups(core),
    'backup.now': () => backupNow(core, ctx),
    'backup.restore': ({ name }, { host }) => restoreBackup(core, host, name),
    'audit.recent': ({ limit }) => recentAudit(ctx, limit),
    ...createReviewHandlers(ctx, core.connection),
  }
}
