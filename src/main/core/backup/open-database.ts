// Opens the database for the core. In the app a damaged file is moved aside (never deleted) and a
// fresh one started, so the app still opens and its recovery banner can offer the latest backup;
// the CLI instead refuses a damaged file and changes nothing. Then migrations run, with a backup
// first when an existing file is about to change.
import { closeSync, existsSync, openSync, readSync, renameSync, statSync } from 'node:fs'
import { AppError } from '../../../shared/api/errors'
import { isPostgresUrl, openPostgres, type PostgresConnection } from '../db/postgres/connection'
import { openConnection, type Connection } from '../db/sqlite/connection'
import { backupsDir, listRestorable, type BackupFile } from './backup-files'
import { takeBackup } from './backup-service'

/** What to do with a damaged file: move it aside and start afresh (the app), or refuse (the CLI). */
export type OnDamage = 'move-aside' | 'refuse'

/** A damaged database the caller chose not to replace: names the file, the way back and the backups. */
export class DamagedDatabaseError extends AppError {
  constructor(
    readonly databasePath: string,
    readonly reason: string,
    readonly backups: BackupFile[],
  ) {
    const recover = backups.length > 0
      ? `To recover, restore a backup with: progress-desk --db "${databasePath}" restore BACKUP. Backups, newest first:\n${backups.map((b) => `  ${b.path}  (${b.takenAt})`).join('\n')}`
      : `There are no backups in ${backupsDir(databasePath)}; ask your IT team to restore the file from their own backups.`
    super('file_error', `The database ${databasePath} is damaged (${reason.replace(/\.$/, '')}), so it was left exactly as it is. ${recover}`)
  }
}

export interface RecoveryNotice {
  /** Where the damaged file now is. */
  movedTo: string
  reason: string
  latestBackup: BackupFile | null
}

/** An open database of either engine. */
export type EngineConnection = Connection | PostgresConnection

export interface OpenedDatabase {
  connection: Connection
  recovery: RecoveryNotice | null
  /** True when the file was new (or started afresh after damage): nothing to back up yet. */
  isNew: boolean
}

const DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CANTOPEN_ISDIR'])

export async function openDatabase(databasePath: string, now: () => Date, onDamage: OnDamage = 'move-aside'): Promise<OpenedDatabase> {
  let recovery: RecoveryNotice | null = null
  let connection: Connection
  try {
    if (onDamage === 'refuse') assertWhole(databasePath)
    connection = openConnection(databasePath)
  } catch (error) {
    const code = (error as { code?: string }).code ?? ''
    if (databasePath === ':memory:' || !DAMAGE_CODES.has(code)) throw error
    if (onDamage === 'refuse') throw new DamagedDatabaseError(databasePath, (error as Error).message, listRestorable(databasePath))
    const movedTo = moveAside(databasePath, 'damaged', now())
    recovery = { movedTo, reason: (error as Error).message, latestBackup: listRestorable(databasePath)[0] ?? null }
    connection = openConnection(databasePath)
  }
  let isNew = false
  try {
    const migrated = await connection.migrate({
      backupBeforeMigrating: async () => {
        if (databasePath !== ':memory:') await takeBackup(connection, 'before-migration', { databasePath, now: now() })
      },
    })
    isNew = migrated.from === 0
  } catch (error) {
    await connection.db.destroy()
    throw error
  }
  return { connection, recovery, isNew }
}

/** The database named by `databasePath`, on the engine it names: a postgres:// URL or a SQLite file. */
export async function openEngineDatabase(databasePath: string, now: () => Date, onDamage: OnDamage = 'move-aside'): Promise<Omit<OpenedDatabase, 'connection'> & { connection: EngineConnection }> {
  return isPostgresUrl(databasePath) ? openTeamDatabase(databasePath) : openDatabase(databasePath, now, onDamage)
}

/**
 * A team database (PostgreSQL, named by its URL). The server keeps its own pages, so there is no
 * damaged file to move aside; migrating happens in one transaction, which PostgreSQL rolls back
 * whole on any failure, so no file backup is taken first (the administrator's pg_dump backups are
 * the way back from a bad upgrade).
 */
async function openTeamDatabase(url: string): Promise<{ connection: PostgresConnection; recovery: null; isNew: boolean }> {
  const connection = await openPostgres(url)
  try {
    const migrated = await connection.migrate()
    return { connection, recovery: null, isNew: migrated.from === 0 }
  } catch (error) {
    await connection.close()
    throw error
  }
}

/**
 * A file shorter than its own header says was cut off (a copy that stopped half-way, a full disk):
 * SQLite may still open it and answer from the pages that are left, as if the rest never existed.
 * The header's page count is trusted only when SQLite marks it valid, and not while a write-ahead
 * log is waiting to be checkpointed (the file may then legitimately lag behind).
 */
function assertWhole(databasePath: string): void {
  if (databasePath === ':memory:' || !existsSync(databasePath) || (statSync(`${databasePath}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0) return
  const header = Buffer.alloc(100)
  const fd = openSync(databasePath, 'r')
  const read = readSync(fd, header, 0, 100, 0)
  closeSync(fd)
  if (read < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\u0000') return // openConnection says what it is
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16)
  const pages = header.readUInt32BE(28)
  const valid = header.readUInt32BE(24) === header.readUInt32BE(92)
  const size = statSync(databasePath).size
  if (valid && pages > 0 && size < pages * pageSize) {
    throw Object.assign(new Error(`the file is ${size} bytes but its header says ${pages * pageSize}: it was cut short`), { code: 'SQLITE_CORRUPT' })
  }
}

/** Renames the database and its WAL companions to NAME.<label>-<time>; returns the new name. */
export function moveAside(databasePath: string, label: string, at: Date): string {
  const target = `${databasePath}.${label}-${at.toISOString().replace(/[:.]/g, '-')}`
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(databasePath + suffix)) renameSync(databasePath + suffix, target + suffix)
  }
  return target
}
