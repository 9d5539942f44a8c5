// SQLite failures a person can act on, turned into one clear sentence. Anything else stays an
// internal error (logged in full, shown generically).
import { AppError } from '../../../../shared/api/errors'

export function explainSqliteError(error: unknown): AppError | null {
  const code = (error as { code?: unknown }).code
  if (typeof code !== 'string') return null
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR')) {
    return new AppError('file_error', 'The change could not be saved because the disk is full or could not be written; nothing was changed. Free some space and try again.')
  }
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_')) {
    return new AppError('file_error', 'The database is read-only, so the change was not saved. Check that the file and its folder can be written to.')
  }
  // The extended codes count too: SQLITE_BUSY_SNAPSHOT is what a write meets in WAL mode when
  // another process committed since this transaction began reading.
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError('conflict', 'The database is busy with another program (perhaps a second copy of Progress Desk); try again in a moment.')
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return new AppError('internal', 'The database file appears to be damaged. Restore the latest backup (Cycles & report → Backups) and try again.')
  }
  return null
}
