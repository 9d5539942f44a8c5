// Backups through the database port (SQLite's online backup API): consistent even while the app
// is writing, and the originals travel with the data because they are stored in the database.
// This file owns the naming, the folder and how many are kept.
import { mkdirSync, rmSync } from 'node:fs'
import type { DatabasePort } from '../db/port'
import { backupName, backupsDir, listBackupFiles, type BackupFile } from './backup-files'

export const DEFAULT_BACKUPS_KEPT = 10
const DAY_MS = 24 * 60 * 60 * 1000

export interface BackupOptions {
  databasePath: string
  now: Date
  keep?: number
}

export async function takeBackup(database: Pick<DatabasePort, 'backupTo'>, reason: 'manual' | 'daily' | 'before-migration' | 'before-restore', options: BackupOptions): Promise<BackupFile> {
  const dir = backupsDir(options.databasePath)
  mkdirSync(dir, { recursive: true })
  const name = backupName(options.now, reason)
  const path = `${dir}/${name}`
  await database.backupTo(path)
  pruneBackups(options.databasePath, options.keep ?? DEFAULT_BACKUPS_KEPT)
  const taken = listBackupFiles(options.databasePath).find((file) => file.name === name)
  if (!taken) throw new Error(`backup ${name} was not found after writing it`)
  return taken
}

/** A daily backup at start-up when the newest is older than a day (or there is none). */
export async function backupIfDue(database: Pick<DatabasePort, 'backupTo'>, options: BackupOptions): Promise<BackupFile | null> {
  const newest = listBackupFiles(options.databasePath)[0]
  if (newest && options.now.getTime() - Date.parse(newest.takenAt) < DAY_MS) return null
  return takeBackup(database, 'daily', options)
}

export function pruneBackups(databasePath: string, keep: number): void {
  for (const file of listBackupFiles(databasePath).slice(keep)) rmSync(file.path, { force: true })
}
