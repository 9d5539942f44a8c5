// `backup.copy`: a consistent copy of the database at a path the transport chose. The copy is
// written beside the target under a temporary name and given the target's name only once it is
// whole, with a hard link, which fails rather than replace a file already there: a failure leaves
// nothing behind, and nothing that stood at the path is ever overwritten.
import { randomBytes } from 'node:crypto'
import { existsSync, linkSync, renameSync, rmSync } from 'node:fs'
import { basename } from 'node:path'
import { AppError } from '../../../shared/api/errors'
import type { DatabasePort } from '../db/port'

export async function copyDatabase(database: Pick<DatabasePort, 'backupTo'>, path: string): Promise<void> {
  const exists = () => new AppError('conflict', `${path} already exists; choose a new file name for the backup.`)
  if (existsSync(path)) throw exists()
  const partial = `${path}.partial-${randomBytes(6).toString('hex')}`
  try {
    try {
      await database.backupTo(partial)
    } catch (error) {
      throw new AppError('file_error', `The copy could not be written to ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`)
    }
    try {
      linkSync(partial, path)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EEXIST') throw exists()
      // A file system without hard links (some network shares): a rename, the target checked first.
      if (existsSync(path)) throw exists()
      try {
        renameSync(partial, path)
      } catch {
        throw new AppError('file_error', `The copy could not be given the name ${basename(path)} (${code ?? 'unknown error'}).`)
      }
    }
  } finally {
    rmSync(partial, { force: true })
  }
}
