// Writes the progress summary to a file the person chose. The file is written beside its final
// name and moved into place, so a failure never leaves half a document where the old one was; an
// existing file is replaced only when the transport says the person agreed (Electron's save
// dialog asks), otherwise the export is refused rather than overwrite someone's edited copy.
import { link, rename, unlink, writeFile } from 'node:fs/promises'
import { dirname, basename, join } from 'node:path'
import type { ExportResult } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import type { CoreContext } from '../context'
import type { Host } from '../rpc/host'
import { buildSummaryModel, type SummaryOptions } from './summary-model-from-db'

export interface ExportOptions extends SummaryOptions {
  /** false: refuse to write a summary with no sections (the CLI without --allow-empty). Default true. */
  allowEmpty?: boolean | undefined
}

/** The sentence said when nothing in the cycle is assessed, so the document has no sections. */
export function nothingAssessed(cycleName: string): string {
  return `Nothing is assessed in “${cycleName}”: no recommendation has a written assessment for that cycle, so the summary has no sections.`
}

export async function exportSummary(ctx: CoreContext, host: Host, options: ExportOptions): Promise<ExportResult> {
  const model = await buildSummaryModel(ctx, options)
  const empty = model.sections.length === 0
  if (empty && options.allowEmpty === false) throw new AppError('conflict', nothingAssessed(model.cycleName))
  const path = await host.chooseSavePath({
    title: 'Export the progress summary to Word',
    defaultName: `Progress summary - ${model.cycleName}.docx`,
    filters: [{ name: 'Word document', extensions: ['docx'] }],
  })
  const warning = empty ? nothingAssessed(model.cycleName) : null
  if (!path) return { saved: false, path: null, sections: model.sections.length, bytes: 0, warning }
  // The docx library is loaded on the first export rather than at every start-up.
  const { packSummary } = await import('./build-summary-document')
  const bytes = await packSummary(model)
  await writeAtomically(path, bytes, { replace: host.confirmsReplace === true })
  return { saved: true, path, sections: model.sections.length, bytes: bytes.length, warning }
}

/**
 * Writes the file under a temporary name, then moves it into place. Without `replace`, the move
 * is a hard link, which fails when the name is taken, so an existing file is never overwritten,
 * even one that appeared after the name was chosen.
 */
export async function writeAtomically(path: string, bytes: Uint8Array, { replace }: { replace: boolean }): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.partial`)
  try {
    await writeFile(temporary, bytes)
    if (replace) await rename(temporary, path)
    else {
      await link(temporary, path)
      await unlink(temporary)
    }
  } catch (error) {
    await unlink(temporary).catch(() => undefined)
    const reason = (error as NodeJS.ErrnoException).code
    if (reason === 'EEXIST') throw new AppError('conflict', `${basename(path)} already exists in ${dirname(path)}; it was left as it is. Choose another name.`)
    const why = reason === 'EACCES' || reason === 'EPERM' ? 'permission was refused' : reason === 'ENOSPC' ? 'the disk is full' : reason === 'ENOENT' ? 'the folder does not exist' : 'the file could not be written'
    throw new AppError('file_error', `Could not save ${basename(path)}: ${why}. Choose another folder and try again.`)
  }
}
