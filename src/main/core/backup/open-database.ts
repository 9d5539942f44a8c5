// Opens the database for the core: a damaged file is moved aside (never deleted) and a fresh one
// started, so the app still opens and can offer the latest backup; then migrations run, with a
// backup first when an existing file is about to change.
import { existsSync, renameSync } from 'node:fs'
import { openConnection, type Connection } from '../db/connection'
import { migrateToLatest } from '../db/migrate'
import { listBackupFiles, type BackupFile } from './backup-files'
import { takeBackup } from './backup-service'

export interface RecoveryNotice {
  /** Where the damaged file now is. */
  movedTo: string
  reason: string
  latestBackup: BackupFile | null
}

export interface OpenedDatabase {
  connection: Connection
  recovery: RecoveryNotice | null
  /** True when the file was new (or started afresh after damage): nothing to back up yet. */
  isNew: boolean
}

const DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CANTOPEN_ISDIR'])

export async function openDatabase(databasePath: string, now: () => Date): Promise<OpenedDatabase> {
  let recovery: RecoveryNotice | null = null
  let connection: Connection
  try {
    connection = openConnection(databasePath)
  } catch (error) {
    const code = (error as { code?: string }).code ?? ''
    if (databasePath === ':memory:' || !DAMAGE_CODES.has(code)) throw error
    const movedTo = moveAside(databasePath, 'damaged', now())
    recovery = { movedTo, reason: (error as Error).message, latestBackup: listBackupFiles(databasePath)[0] ?? null }
    connection = openConnection(databasePath)
  }
  let isNew = false
  try {
    const migrated = await migrateToLatest(connection, {
      backupBeforeMigrating: async () => {
        if (databasePath !== ':memory:') await takeBackup(connection.sqlite, 'before-migration', { databasePath, now: now() })
      },
    })
    isNew = migrated.from === 0
  } catch (error) {
    await connection.db.destroy()
    throw error
  }
  return { connection, recovery, isNew }
}

/** Renames the database and its WAL companions to NAME.<label>-<time>; returns the new name. */
export function moveAside(databasePath: string, label: string, at: Date): string {
  const target = `${databasePath}.${label}-${at.toISOString().replace(/[:.]/g, '-')}`
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(databasePath + suffix)) renameSync(databasePath + suffix, target + suffix)
  }
  return target
}
