// Where backups live and what they are called: backups/ beside the database, one file per backup,
// named by the time it was taken so that a sorted listing is oldest first.
import { readdirSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

export interface BackupFile {
  name: string
  path: string
  takenAt: string
  sizeBytes: number
}

const PATTERN = /^progress-desk-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?:-\d{3})?Z)(?:-[a-z-]+)?\.sqlite$/

export function backupsDir(databasePath: string): string {
  return join(dirname(databasePath), 'backups')
}

export function backupName(at: Date, reason: string): string {
  const stamp = at.toISOString().replace(/:/g, '-').replace('.', '-')
  return `progress-desk-${stamp}-${reason}.sqlite`
}

/** Backups of this database, newest first. */
export function listBackupFiles(databasePath: string): BackupFile[] {
  return stampedFiles(backupsDir(databasePath), (name) => PATTERN.exec(name)).sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.name.localeCompare(a.name))
}

/** A file kept aside by a restore: NAME.before-restore-<time>, beside the database. */
const KEPT_ASIDE = /^\.before-restore-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:-\d{1,4})?$/

/**
 * Files a restore kept aside (the database as it was before each restore), newest first. They
 * are never pruned, and they are offered for restoring alongside the backups.
 */
export function listKeptAside(databasePath: string): BackupFile[] {
  const own = basename(databasePath)
  return stampedFiles(dirname(databasePath), (name) => (name.startsWith(own) ? KEPT_ASIDE.exec(name.slice(own.length)) : null)).sort((a, b) => b.takenAt.localeCompare(a.takenAt))
}

/** The files in `dir` whose names `match` finds a time stamp in (its first group); none if `dir` cannot be read. */
function stampedFiles(dir: string, match: (name: string) => RegExpExecArray | null): BackupFile[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names.flatMap((name) => {
    const found = match(name)
    return found ? [{ name, path: join(dir, name), takenAt: stampToIso(found[1] ?? ''), sizeBytes: statSync(join(dir, name)).size }] : []
  })
}

/** Everything a person may restore: the backups and the files kept aside, newest first. */
export function listRestorable(databasePath: string): BackupFile[] {
  return [...listBackupFiles(databasePath), ...listKeptAside(databasePath)].sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.name.localeCompare(a.name))
}

function stampToIso(stamp: string): string {
  return stamp.replace(/T(\d{2})-(\d{2})-(\d{2})(?:-(\d{3}))?Z/, (_m, h, mi, s, ms) => `T${h}:${mi}:${s}.${ms ?? '000'}Z`)
}

/** A name that cannot escape the backups folder (or name anything but a file kept aside). */
export function isPlainBackupName(name: string): boolean {
  return basename(name) === name && (PATTERN.test(name) || /\.before-restore-[0-9TZ-]+$/.test(name))
}
