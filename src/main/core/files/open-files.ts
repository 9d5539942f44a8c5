// Opening files in the system's own programs: a letter's original (written to a private folder
// first, under a name whose extension comes from its bytes) and a document this session exported.
// The renderer can name only a letter id or a path the core itself wrote, never an arbitrary file.
import { AppError } from '../../../shared/api/errors'
import type { LetterFormat } from '../../../shared/domain/dto'
import type { CoreContext } from '../context'
import type { Host } from '../rpc/host'
import { findOriginalOfLetter } from './originals-repository'
import { makePrivateFolder, writeOriginal, type StoredOriginal } from './write-original'

export async function openOriginal(ctx: CoreContext, host: Host, letterId: number): Promise<{ opened: boolean }> {
  const original = await readOriginal(ctx, letterId)
  if (!host.openPath) return { opened: false }
  await host.openPath(writeOriginal(makePrivateFolder(), original))
  return { opened: true }
}

/** `letters original --letter ID --out DIR`: the same file the app would open, saved in DIR. */
export async function saveOriginal(ctx: CoreContext, letterId: number, dir: string): Promise<string> {
  return writeOriginal(dir, await readOriginal(ctx, letterId))
}

async function readOriginal(ctx: CoreContext, letterId: number): Promise<StoredOriginal> {
  const row = await findOriginalOfLetter(ctx.db, letterId)
  if (!row) throw new AppError('not_found', `There is no letter with id ${letterId}.`)
  return { fileName: row.file_name, format: row.format as LetterFormat, bytes: row.bytes }
}

export class ExportedFiles {
  private readonly paths = new Set<string>()

  remember(path: string | null): void {
    if (path) this.paths.add(path)
  }

  async open(host: Host, path: string): Promise<{ opened: boolean }> {
    if (!this.paths.has(path)) throw new AppError('invalid_input', 'Only a document exported in this session can be opened from here.')
    if (!host.openPath) return { opened: false }
    await host.openPath(path)
    return { opened: true }
  }
}
