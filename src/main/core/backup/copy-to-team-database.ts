// Moving in: an archive (a SQLite file) copied whole into an empty team database, in one
// transaction, with every table's count checked before it commits. Rows keep their ids (links,
// history and undo refer to them); originals go into bytea; the search tables of the team
// database are filled by its own triggers as the rows arrive. The target's tables drive the copy:
// a table of the archive that it does not know, or columns that differ, stop it before anything
// is written.
import { existsSync } from 'node:fs'
import { AppError } from '../../../shared/api/errors'
import { describeServer } from '../db/postgres/client-options'
import { isPostgresUrl, openPostgres } from '../db/postgres/connection'
import type { Executor } from '../db/database'
import {
  archiveColumns,
  archiveCount,
  archiveRows,
  archiveTables,
  clearTeamTable,
  continueIdentity,
  insertTeamRows,
  isTeamOnlyTable,
  teamCount,
  teamTables,
  type TeamTable,
} from '../db/move-in/archive-tables'
import type { Connection } from '../db/sqlite/connection'
import { openDatabase } from './open-database'

export interface CopiedTable {
  table: string
  /** Rows in the archive. */
  source: number
  /** Rows in the team database after the copy (before it commits). */
  copied: number
}

export interface ArchiveCopy {
  server: string
  tables: CopiedTable[]
  /** Every count matched and the copy was committed; otherwise it was rolled back whole. */
  complete: boolean
}

/** Rows a new team database's migrations write themselves (the stakeholder groups): replaced by the archive's. */
const SEEDED_BY_MIGRATIONS = new Set(['stakeholder_groups', 'settings'])
/** Rows a statement at most (PostgreSQL binds up to 65 535 values) and bytes of originals a statement. */
const BOUND_VALUES = 30_000
const BATCH_BYTES = 16 << 20

class CountsDiffer extends Error {}

export async function copyArchiveToTeamDatabase(archivePath: string, url: string, now: () => Date = () => new Date()): Promise<ArchiveCopy> {
  if (isPostgresUrl(archivePath)) throw new AppError('invalid_input', 'migrate copies from an archive file: give it with --db FILE.sqlite and the team database with --to postgres://….')
  if (!isPostgresUrl(url)) throw new AppError('invalid_input', 'migrate --to needs a team database URL, such as postgres://USER@HOST:5432/DATABASE.')
  if (!existsSync(archivePath)) throw new AppError('file_error', `The archive ${archivePath} does not exist; nothing was copied.`)
  const server = describeServer(url)
  const source = (await openDatabase(archivePath, now, 'refuse')).connection
  try {
    const target = await openPostgres(url)
    try {
      await target.migrate()
      const tables = await tablesToCopy(source, target.db, server)
      return await copyTables(source, target.db, tables, server)
    } finally {
      await target.close()
    }
  } finally {
    await source.close()
  }
}

async function tablesToCopy(source: Connection, target: Executor, server: string): Promise<TeamTable[]> {
  const tables = (await teamTables(target)).filter((table) => !isTeamOnlyTable(table.name))
  const unknown = archiveTables(source.sqlite).filter((name) => !tables.some((table) => table.name === name))
  if (unknown.length > 0) {
    throw new AppError('conflict', `The team database at ${server} has no table for the archive's ${unknown.join(', ')}; update Progress Desk on the desktop that runs migrate. Nothing was copied.`)
  }
  for (const table of tables) {
    const columns = new Set(archiveColumns(source.sqlite, table.name))
    const differ = table.columns.filter((c) => !columns.has(c)).concat([...columns].filter((c) => !table.columns.includes(c)))
    if (differ.length > 0) throw new AppError('conflict', `The archive's table ${table.name} and the team database's differ in ${differ.join(', ')}; both must be at the same version of Progress Desk. Nothing was copied.`)
  }
  for (const table of tables) {
    if (SEEDED_BY_MIGRATIONS.has(table.name)) continue
    const rows = await teamCount(target, table.name)
    if (rows > 0) throw new AppError('conflict', `The team database at ${server} is not empty (${table.name} holds ${rows} rows); migrate copies into an empty database only, so nothing was copied.`)
  }
  return tables
}

async function copyTables(source: Connection, target: Executor, tables: TeamTable[], server: string): Promise<ArchiveCopy> {
  let counted: CopiedTable[] = []
  try {
    await target.transaction().execute(async (trx) => {
      for (const table of [...tables].reverse()) if (SEEDED_BY_MIGRATIONS.has(table.name)) await clearTeamTable(trx, table.name)
      for (const table of tables) {
        await copyRows(source, trx, table)
        if (table.identity) await continueIdentity(trx, table.name)
      }
      counted = []
      for (const table of tables) counted.push({ table: table.name, source: archiveCount(source.sqlite, table.name), copied: await teamCount(trx, table.name) })
      if (counted.some((row) => row.source !== row.copied)) throw new CountsDiffer()
    })
  } catch (error) {
    if (error instanceof CountsDiffer) return { server, tables: counted, complete: false }
    throw error
  }
  return { server, tables: counted, complete: true }
}

async function copyRows(source: Connection, trx: Executor, table: TeamTable): Promise<void> {
  const rowsPerBatch = Math.max(1, Math.min(1_000, Math.floor(BOUND_VALUES / table.columns.length)))
  let batch: Record<string, unknown>[] = []
  let bytes = 0
  for (const row of archiveRows(source.sqlite, table.name, table.columns)) {
    batch.push(row)
    for (const value of Object.values(row)) bytes += value instanceof Uint8Array ? value.byteLength : typeof value === 'string' ? value.length : 8
    if (batch.length >= rowsPerBatch || bytes >= BATCH_BYTES) {
      await insertTeamRows(trx, table.name, batch)
      batch = []
      bytes = 0
    }
  }
  await insertTeamRows(trx, table.name, batch)
}
