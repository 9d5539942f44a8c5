// Checks that a file is a Progress Desk database this version can open (the engine's own check,
// db/sqlite/backup-file.ts), before it replaces the current one, and replaces it atomically.
import { randomBytes } from 'node:crypto'
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import { assertRestorable } from '../db/sqlite/backup-file'

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
