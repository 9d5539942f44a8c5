// Expands the CLI's PATH arguments (files or folders, recursively) into files to import.
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'

export async function collectFiles(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = []
  const missing: string[] = []
  for (const path of paths) {
    const info = await stat(path).catch(() => null)
    if (!info) missing.push(path)
    else if (info.isDirectory()) files.push(...(await walk(path)))
    else files.push(path)
  }
  return { files, missing }
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const found: string[] = []
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue // hidden files and Office lock files (~$, .DS_Store)
    const path = join(dir, entry.name)
    if (entry.isDirectory()) found.push(...(await walk(path)))
    else if (entry.isFile() && !entry.name.startsWith('~$')) found.push(path)
  }
  return found
}
