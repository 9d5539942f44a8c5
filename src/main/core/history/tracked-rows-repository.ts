// Whole-row reads and writes on the tables whose changes can be undone. The table name is chosen
// at run time (it comes from a recorded change set, which undo reads back from the audit log), so
// every function checks it against the list first: only these tables can ever be named in SQL.
import { sql } from 'kysely'
import type { Executor } from '../db/database'

/** The tables whose changes can be undone; each has an INTEGER `id` primary key. */
export const TRACKED_TABLES = [
  'letters',
  'passages',
  'links',
  'assessments',
  'assessment_evidence',
  'suggestion_rejections',
  'commitments',
  'saved_views',
  'cycles',
  'stakeholder_groups',
  'organisations',
  'organisation_aliases',
  'organisation_domains',
  'organisation_addresses',
  'reports',
  'recommendations',
  'recommendation_addressees',
  'group_preambles',
] as const
export type TrackedTable = (typeof TRACKED_TABLES)[number]

export type Row = Record<string, string | number | null>

/** Column values to write; none undefined (the caller leaves those out). */
type Values = Record<string, unknown>

function tableRef(table: TrackedTable) {
  if (!TRACKED_TABLES.includes(table)) throw new Error(`untracked table ${table}`)
  return sql.table(table)
}

export async function readTrackedRow(db: Executor, table: TrackedTable, id: number): Promise<Row | null> {
  const result = await sql<Row>`SELECT * FROM ${tableRef(table)} WHERE id = ${id}`.execute(db)
  return result.rows[0] ?? null
}

/** Inserts a new row and returns the id the database gave it. */
export async function insertTrackedRow(db: Executor, table: TrackedTable, values: Values): Promise<number> {
  const entries = Object.entries(values)
  const result = await sql<{ id: number }>`INSERT INTO ${tableRef(table)} (${sql.join(entries.map(([k]) => sql.ref(k)))}) VALUES (${sql.join(entries.map(([, v]) => v))}) RETURNING id`.execute(db)
  return result.rows[0]!.id
}

/** Puts a recorded row back whole, its id included (undoing a delete, redoing an insert). */
export async function putBackTrackedRow(db: Executor, table: TrackedTable, row: Row): Promise<void> {
  const entries = Object.entries(row)
  await sql`INSERT INTO ${tableRef(table)} (${sql.join(entries.map(([k]) => sql.ref(k)))}) VALUES (${sql.join(entries.map(([, v]) => v))})`.execute(db)
}

export async function updateTrackedRow(db: Executor, table: TrackedTable, id: number, values: Values): Promise<void> {
  const entries = Object.entries(values)
  await sql`UPDATE ${tableRef(table)} SET ${sql.join(entries.map(([k, v]) => sql`${sql.ref(k)} = ${v}`))} WHERE id = ${id}`.execute(db)
}

export async function deleteTrackedRow(db: Executor, table: TrackedTable, id: number): Promise<void> {
  await sql`DELETE FROM ${tableRef(table)} WHERE id = ${id}`.execute(db)
}

/** The tables whose rows carry a `version` (see history/versions.ts); each also has updated_by and updated_at. */
export const VERSIONED_TABLES = ['assessments', 'letters', 'group_preambles', 'organisations', 'recommendations'] as const satisfies readonly TrackedTable[]
export type VersionedTable = (typeof VERSIONED_TABLES)[number]

export function isVersioned(table: TrackedTable): table is VersionedTable {
  return (VERSIONED_TABLES as readonly string[]).includes(table)
}

/**
 * Compare-and-set: moves the row to its next version and stamps who and when, but only while it is
 * still at `ifVersion` (any version when that is undefined). The condition is in the UPDATE itself,
 * so of two writers who started from the same version exactly one succeeds, whatever the engine's
 * isolation. Returns false when the row is not at that version (or is gone).
 */
export async function claimNextVersion(db: Executor, table: VersionedTable, id: number, stamp: { by: string; at: string }, ifVersion: number | undefined): Promise<boolean> {
  const stillAt = ifVersion === undefined ? sql`` : sql` AND version = ${ifVersion}`
  const result = await sql<{ id: number }>`UPDATE ${tableRef(table)} SET version = version + 1, updated_by = ${stamp.by}, updated_at = ${stamp.at} WHERE id = ${id}${stillAt} RETURNING id`.execute(db)
  return result.rows.length === 1
}

/**
 * Writes a recorded row's columns back (undo, redo). A versioned row moves on to its next version
 * rather than back to the recorded one, so a save started from the version before is still stale.
 */
export async function writeBackTrackedRow(db: Executor, table: TrackedTable, id: number, columns: Values): Promise<void> {
  if (!isVersioned(table)) return updateTrackedRow(db, table, id, columns)
  const { version: _version, ...rest } = columns
  await updateTrackedRow(db, table, id, { ...rest, version: sql`version + 1` })
}
