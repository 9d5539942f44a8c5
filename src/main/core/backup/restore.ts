// Checks that a file is a Progress Desk database this version can open, before it replaces the
// current one, and replaces it atomically.
import { randomBytes } from 'node:crypto'
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { AppError } from '../../../shared/api/errors'
import { LATEST_SCHEMA_VERSION } from '../db/sqlite/migrations'

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

/** Copies a file so that it is on the disk when this returns: exclusive create, then fsync. */
export function copyDurably(from: string, to: string): void {
  const source = openSync(from, 'r')
  let target: number | null = null
  try {
    target = openSync(to, 'wx', 0o600)
    const chunk = Buffer.allocUnsafe(1024 * 1024)
    for (let read = readSync(source, chunk); read > 0; read = readSync(source, chunk)) writeSync(target, chunk, 0, read)
    fsyncSync(target)
  } finally {
    closeSync(source)
    if (target !== null) closeSync(target)
  }
}

/**
 * Replaces the database file with a backup so that a crash at any moment leaves either the old
 * file or the new one in place, never half of one: the backup is copied to a temporary file
 * beside the database and made durable, the current file is kept aside (a hard link, or a copy
 * where links are not possible), and the copy is renamed over it in one step. The connection
 * must be closed first. `copy` is replaceable so tests can fail it part-way.
 */
export function replaceWithBackup(databasePath: string, backupPath: string, at: Date, copy: (from: string, to: string) => void = copyDurably): { keptAs: string } {
  assertRestorable(backupPath)
  const temporary = `${databasePath}.restoring-${randomBytes(6).toString('hex')}`
  try {
    copy(backupPath, temporary)
    const keptAs = existsSync(databasePath) ? keepAside(databasePath, at) : ''
    renameSync(temporary, databasePath)
    syncFolder(dirname(databasePath))
    return { keptAs }
  } finally {
    rmSync(temporary, { force: true })
  }
}

/** Keeps the current file as NAME.before-restore-<time>, leaving it where it is until the rename. */
function keepAside(databasePath: string, at: Date): string {
  const stamp = `${databasePath}.before-restore-${at.toISOString().replace(/[:.]/g, '-')}`
  let keptAs = stamp
  for (let n = 2; existsSync(keptAs); n++) keptAs = `${stamp}-${n}` // two restores in one millisecond (or a fixed clock)
  try {
    linkSync(databasePath, keptAs)
  } catch {
    copyDurably(databasePath, keptAs)
  }
  // A write-ahead log or shared-memory file left beside the old database belongs to it, not to
  // the backup about to take its name (SQLite would replay it into the restored file).
  for (const suffix of ['-wal', '-shm']) if (existsSync(databasePath + suffix)) renameSync(databasePath + suffix, keptAs + suffix)
  return keptAs
}

function syncFolder(dir: string): void {
  // Makes the rename durable; Windows cannot open a folder for syncing, and renames there are.
  let fd: number | null = null
  try {
    fd = openSync(dir, 'r')
    fsyncSync(fd)
  } catch {
    // best effort where the platform does not allow it
  } finally {
    if (fd !== null) closeSync(fd)
  }
}
