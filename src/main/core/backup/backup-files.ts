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
  const dir = backupsDir(databasePath)
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names
    .map((name) => ({ name, match: PATTERN.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ name, match }) => {
      const stamp = match[1] ?? ''
      const iso = stamp.replace(/T(\d{2})-(\d{2})-(\d{2})(?:-(\d{3}))?Z/, (_m, h, mi, s, ms) => `T${h}:${mi}:${s}.${ms ?? '000'}Z`)
      return { name, path: join(dir, name), takenAt: iso, sizeBytes: statSync(join(dir, name)).size }
    })
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.name.localeCompare(a.name))
}

/** A name that cannot escape the backups folder. */
export function isPlainBackupName(name: string): boolean {
  return basename(name) === name && PATTERN.test(name)
}
