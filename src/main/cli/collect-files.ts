// Expands the CLI's PATH arguments (files or folders, recursively) into files to import. A name
// that does not exist, or a folder that cannot be listed, is returned with the reason, so that
// every path named or found gets its line in the report.
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'

export interface Unreadable {
  path: string
  error: string
}

export async function collectFiles(paths: string[]): Promise<{ files: string[]; unreadable: Unreadable[] }> {
  const files: string[] = []
  const unreadable: Unreadable[] = []
  for (const path of paths) {
    const info = await stat(path).catch(() => null)
    if (!info) unreadable.push({ path, error: `${path} does not exist.` })
    else if (info.isDirectory()) await walk(path, files, unreadable)
    else files.push(path)
  }
  return { files, unreadable }
}

async function walk(dir: string, found: string[], unreadable: Unreadable[]): Promise<void> {
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch (error) {
    unreadable.push({ path: dir, error: `The folder ${dir} could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).` })
    return
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue // hidden files and Office lock files (~$, .DS_Store)
    const path = join(dir, entry.name)
    if (entry.isDirectory()) await walk(path, found, unreadable)
    else if (entry.isFile() && !entry.name.startsWith('~$')) found.push(path)
  }
}
