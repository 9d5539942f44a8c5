// What the copy needs to know of each engine's tables: the SQLite archive's own tables (not FTS5's
// virtual tables or their shadows) and columns, and the team database's tables, columns, foreign
// keys and identity columns, read from their catalogues.
import type BetterSqlite3 from 'better-sqlite3'
import { sql } from 'kysely'
import type { Executor } from '../database'

/** Tables only the team database has, kept by its triggers from the copied rows (or its own). */
export function isTeamOnlyTable(name: string): boolean {
  return name.endsWith('_search') || name === 'letters_vocabulary' || name === 'schema_version'
}

/** The SQLite archive's tables holding data: FTS5 tables and their shadow tables left out. */
export function archiveTables(sqlite: BetterSqlite3.Database): string[] {
  const rows = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").all() as { name: string; sql: string | null }[]
  const virtual = rows.filter((row) => /^CREATE VIRTUAL TABLE/i.test(row.sql ?? '')).map((row) => row.name)
  return rows
    .map((row) => row.name)
    .filter((name) => !virtual.some((table) => name === table || name.startsWith(`${table}_`)))
    .sort()
}

export function archiveColumns(sqlite: BetterSqlite3.Database, table: string): string[] {
  return (sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((row) => row.name)
}

export function archiveCount(sqlite: BetterSqlite3.Database, table: string): number {
  return (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n
}

/** Every row of a table, oldest first where it has an id (a parent letter before its attachments). */
export function archiveRows(sqlite: BetterSqlite3.Database, table: string, columns: readonly string[]): IterableIterator<Record<string, unknown>> {
  const order = columns.includes('id') ? ' ORDER BY id' : ''
  return sqlite.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}"${order}`).iterate() as IterableIterator<Record<string, unknown>>
}

export interface TeamTable {
  name: string
  columns: string[]
  /** Has an identity `id`, whose sequence must continue after the copied ids. */
  identity: boolean
}

/** The team database's tables, parents before the tables that refer to them. */
export async function teamTables(db: Executor): Promise<TeamTable[]> {
  const columns = await sql<{ table_name: string; column_name: string; is_identity: string }>`
    SELECT table_name, column_name, is_identity FROM information_schema.columns
    WHERE table_schema = current_schema() AND is_generated = 'NEVER'
      AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE')
    ORDER BY table_name, ordinal_position`.execute(db)
  const references = await sql<{ child: string; parent: string }>`
    SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
    WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace`.execute(db)
  const tables = new Map<string, TeamTable>()
  for (const row of columns.rows) {
    let table = tables.get(row.table_name)
    if (!table) tables.set(row.table_name, (table = { name: row.table_name, columns: [], identity: false }))
    table.columns.push(row.column_name)
    if (row.column_name === 'id' && row.is_identity === 'YES') table.identity = true
  }
  return parentsFirst([...tables.values()], references.rows)
}

function parentsFirst(tables: TeamTable[], references: { child: string; parent: string }[]): TeamTable[] {
  const ordered: TeamTable[] = []
  const placed = new Set<string>()
  const byName = new Map(tables.map((table) => [table.name, table]))
  const place = (table: TeamTable, path: Set<string>) => {
    if (placed.has(table.name) || path.has(table.name)) return
    path.add(table.name)
    for (const { parent } of references.filter((r) => r.child === table.name && r.parent !== table.name)) {
      const parentTable = byName.get(parent)
      if (parentTable) place(parentTable, path)
    }
    placed.add(table.name)
    ordered.push(table)
  }
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) place(table, new Set())
  return ordered
}

export async function teamCount(db: Executor, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::integer AS n FROM ${sql.table(table)}`.execute(db)
  return rows[0]?.n ?? 0
}

export async function insertTeamRows(db: Executor, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto(table as never).values(rows as never).execute()
}

export async function clearTeamTable(db: Executor, table: string): Promise<void> {
  await sql`DELETE FROM ${sql.table(table)}`.execute(db)
}

/** Moves an identity's sequence past the copied ids, so that the next row gets a new one. */
export async function continueIdentity(db: Executor, table: string): Promise<void> {
  await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), max(id)) FROM ${sql.table(table)} HAVING max(id) IS NOT NULL`.execute(db)
}
