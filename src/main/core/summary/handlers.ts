// The summary slice of the contract: the Word export, its settings and outline, the register
// export, and opening what this session exported (and nothing else).
import type { summaryContract } from '../../../shared/api/summary'
import { ExportedFiles } from '../files/open-files'
import type { HandlerDeps, SliceHandlers } from '../handler-deps'
import { exportSummary } from './export-service'
import { getExportSettings, saveExportSettings } from './export-settings'
import { listPreambles, setPreamble } from './preamble-service'
import { exportRegister } from './register-export'
import { buildSummaryModel } from './summary-model-from-db'
import { outlineOf } from './summary-outline'

export function summaryHandlers({ ctx }: HandlerDeps): SliceHandlers<typeof summaryContract> {
  // Paths the core wrote this session: the only ones the renderer may ask to open.
  const exported = new ExportedFiles()
  const remembered = <T extends { path: string | null }>(result: T): T => {
    exported.remember(result.path)
    return result
  }
  return {
    'summary.export': async (input, { host }) => remembered(await exportSummary(ctx, host, input)),
    'summary.outline': async (input) => outlineOf(await buildSummaryModel(ctx, input)),
    'summary.settings': () => getExportSettings(ctx.db),
    'summary.saveSettings': (changes) => saveExportSettings(ctx, changes),
    'summary.preambles': ({ cycleId }) => listPreambles(ctx, cycleId),
    'summary.setPreamble': (input) => setPreamble(ctx, input),
    'register.export': async ({ format }, { host }) => remembered(await exportRegister(ctx, host, format)),
    'files.openExport': ({ path }, { host }) => exported.open(host, path),
  }
}
