// Opening files in the system's own programs: a letter's original (written to a private temporary
// folder first, under its own safe name) and a document this session exported. The renderer can
// name only a letter id or a path the core itself wrote, never an arbitrary file.
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppError } from '../../../shared/api/errors'
import type { CoreContext } from '../context'
import type { Host } from '../rpc/host'

export async function openOriginal(ctx: CoreContext, host: Host, letterId: number): Promise<{ opened: boolean }> {
  const row = await ctx.db
    .selectFrom('letters as l')
    .innerJoin('originals as o', 'o.sha256', 'l.original_sha256')
    .select(['l.file_name', 'o.sha256', 'o.bytes'])
    .where('l.id', '=', letterId)
    .executeTakeFirst()
  if (!row) throw new AppError('not_found', `There is no letter with id ${letterId}.`)
  if (!host.openPath) return { opened: false }
  const dir = join(tmpdir(), 'progress-desk-originals', row.sha256.slice(0, 16))
  mkdirSync(dir, { recursive: true })
  const path = join(dir, safeFileName(row.file_name))
  writeFileSync(path, row.bytes)
  await host.openPath(path)
  return { opened: true }
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

/** The stored name without folders or characters that file systems refuse. */
function safeFileName(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '').trim()
  return cleaned.slice(0, 120) || 'letter'
}
