// Writes the progress summary to a file the person chose. The file is written beside its final
// name and renamed into place, so a failure never leaves half a document where the old one was.
import { rename, unlink, writeFile } from 'node:fs/promises'
import { dirname, basename, join } from 'node:path'
import type { ExportResult } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import type { CoreContext } from '../context'
import type { Host } from '../rpc/host'
import { buildSummaryModel, type SummaryOptions } from './summary-model-from-db'

export async function exportSummary(ctx: CoreContext, host: Host, options: SummaryOptions): Promise<ExportResult> {
  const model = await buildSummaryModel(ctx, options)
  const path = await host.chooseSavePath({
    title: 'Export the progress summary to Word',
    defaultName: `Progress summary - ${model.cycleName}.docx`,
    filters: [{ name: 'Word document', extensions: ['docx'] }],
  })
  if (!path) return { saved: false, path: null, sections: model.sections.length, bytes: 0 }
  // The docx library is loaded on the first export rather than at every start-up.
  const { packSummary } = await import('./build-summary-document')
  const bytes = await packSummary(model)
  await writeAtomically(path, bytes)
  return { saved: true, path, sections: model.sections.length, bytes: bytes.length }
}

export async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.partial`)
  try {
    await writeFile(temporary, bytes)
    await rename(temporary, path)
  } catch (error) {
    await unlink(temporary).catch(() => undefined)
    const reason = (error as NodeJS.ErrnoException).code
    const why = reason === 'EACCES' || reason === 'EPERM' ? 'permission was refused' : reason === 'ENOSPC' ? 'the disk is full' : reason === 'ENOENT' ? 'the folder does not exist' : 'the file could not be written'
    throw new AppError('file_error', `Could not save ${basename(path)}: ${why}. Choose another folder and try again.`)
  }
}
