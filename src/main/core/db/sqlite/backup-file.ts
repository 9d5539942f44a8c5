// Whether a file chosen for restoring is a Progress Desk database this version can open: read-only
// checks on the file itself, before it replaces the current one. SQLite's own: its schema table,
// user_version (the schema version) and integrity check.
import BetterSqlite3 from 'better-sqlite3'
import { AppError } from '../../../../shared/api/errors'
import { LATEST_SCHEMA_VERSION } from './migrations'

export function assertRestorable(path: string): void {
  let sqlite: BetterSqlite3.Database | null = null
  try {
    sqlite = new BetterSqlite3(path, { readonly: true, fileMustExist: true })
    const version = sqlite.pragma('user_version', { simple: true }) as number
    const hasLetters = sqlite.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'letters'").pluck().get() === 1
    if (!hasLetters) throw new AppError('invalid_input', 'That file is not a Progress Desk database; nothing was restored.')
    if (version > LATEST_SCHEMA_VERSION) throw new AppError('conflict', 'That backup was made by a newer version of Progress Desk; update Progress Desk to restore it.')
    const integrity = sqlite.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') throw new AppError('invalid_input', 'That backup is damaged (it fails SQLite’s integrity check); choose another one.')
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError('invalid_input', 'That file could not be opened as a Progress Desk database; nothing was restored.')
  } finally {
    sqlite?.close()
  }
}
