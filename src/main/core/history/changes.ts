// Row-level change sets: every undoable write goes through a ChangeRecorder, which notes each row
// it inserts, updates or deletes, whole, before and after. The audit row keeps that list, and undo
// and redo replay it backwards or forwards. Recording whole rows (ids included) rather than
// "inverse operations" means a redone link gets its old id back, so older entries that mention
// it stay true, and a row that has changed since can be detected and the undo refused.
import { sql, type Insertable, type Transaction, type Updateable } from 'kysely'
import { AppError } from '../../../shared/api/errors'
import type { Database } from '../db/schema'

/** The tables whose changes can be undone; each has an INTEGER `id` primary key. */
export const TRACKED_TABLES = ['letters', 'passages', 'links', 'assessments', 'assessment_evidence', 'suggestion_rejections', 'commitments', 'saved_views', 'cycles'] as const
export type TrackedTable = (typeof TRACKED_TABLES)[number]

export type Row = Record<string, string | number | null>

export interface RowChange {
  table: TrackedTable
  id: number
  /** The whole row before the change; null when the change inserted it. */
  before: Row | null
  /** The whole row after the change; null when the change deleted it. */
  after: Row | null
}

type Trx = Transaction<Database>

export class ChangeRecorder {
  readonly changes: RowChange[] = []

  constructor(private readonly trx: Trx) {}

  async insert<T extends TrackedTable>(table: T, values: Insertable<Database[T]>): Promise<number> {
    const entries = Object.entries(values as Record<string, unknown>).filter(([, v]) => v !== undefined)
    const result = await sql<{ id: number }>`INSERT INTO ${sql.table(table)} (${sql.join(entries.map(([k]) => sql.ref(k)))}) VALUES (${sql.join(entries.map(([, v]) => v))}) RETURNING id`.execute(this.trx)
    const id = result.rows[0]!.id
    this.changes.push({ table, id, before: null, after: await readRow(this.trx, table, id) })
    return id
  }

  /** Updates one row; records nothing when no column actually changed. */
  async update<T extends TrackedTable>(table: T, id: number, values: Updateable<Database[T]>): Promise<void> {
    const before = await readRow(this.trx, table, id)
    if (!before) throw new Error(`${table} ${id} is missing`)
    const entries = Object.entries(values as Record<string, unknown>).filter(([, v]) => v !== undefined)
    if (entries.length === 0) return
    await sql`UPDATE ${sql.table(table)} SET ${sql.join(entries.map(([k, v]) => sql`${sql.ref(k)} = ${v}`))} WHERE id = ${id}`.execute(this.trx)
    const after = await readRow(this.trx, table, id)
    if (!sameRow(before, after)) this.changes.push({ table, id, before, after })
  }

  async delete(table: TrackedTable, id: number): Promise<Row | null> {
    const before = await readRow(this.trx, table, id)
    if (!before) return null
    await sql`DELETE FROM ${sql.table(table)} WHERE id = ${id}`.execute(this.trx)
    this.changes.push({ table, id, before, after: null })
    return before
  }
}

export async function readRow(trx: Trx, table: TrackedTable, id: number): Promise<Row | null> {
  const result = await sql<Row>`SELECT * FROM ${sql.table(table)} WHERE id = ${id}`.execute(trx)
  return result.rows[0] ?? null
}

export function sameRow(a: Row | null, b: Row | null): boolean {
  if (a === null || b === null) return a === b
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const key of keys) if ((a[key] ?? null) !== (b[key] ?? null)) return false
  return true
}

/** The change set that takes the database back: reversed, with before and after swapped. */
export function invertChanges(changes: readonly RowChange[]): RowChange[] {
  return [...changes].reverse().map((c) => ({ table: c.table, id: c.id, before: c.after, after: c.before }))
}

/**
 * Applies a change set after checking that every row is still as the change left it. If anything
 * has moved on since (edited elsewhere, removed with its letter), nothing is applied and the
 * person is told, because undoing over someone else's later work would silently destroy it.
 */
export async function applyChanges(trx: Trx, changes: readonly RowChange[], what: string): Promise<void> {
  for (const change of changes) {
    if (!TRACKED_TABLES.includes(change.table)) throw new Error(`untracked table ${change.table}`)
  }
  // Checked against the state each step expects, in order, so a set that touches one row twice works.
  const expected = new Map<string, Row | null>()
  for (const change of changes) {
    const key = `${change.table}:${change.id}`
    const current = expected.has(key) ? expected.get(key)! : await readRow(trx, change.table, change.id)
    if (!sameRow(current, change.before)) {
      throw new AppError('conflict', `“${what}” cannot be undone or redone because the ${describeTable(change.table)} it changed has been changed again since.`)
    }
    expected.set(key, change.after)
  }
  for (const change of changes) {
    const table = sql.table(change.table)
    if (change.after === null) {
      await sql`DELETE FROM ${table} WHERE id = ${change.id}`.execute(trx)
    } else if (change.before === null) {
      const entries = Object.entries(change.after)
      await sql`INSERT INTO ${table} (${sql.join(entries.map(([k]) => sql.ref(k)))}) VALUES (${sql.join(entries.map(([, v]) => v))})`.execute(trx)
    } else {
      const entries = Object.entries(change.after).filter(([k]) => k !== 'id')
      await sql`UPDATE ${table} SET ${sql.join(entries.map(([k, v]) => sql`${sql.ref(k)} = ${v}`))} WHERE id = ${change.id}`.execute(trx)
    }
  }
}

const TABLE_WORDS: Record<TrackedTable, string> = {
  letters: 'letter',
  passages: 'passage',
  links: 'link',
  assessments: 'assessment',
  assessment_evidence: 'evidence list',
  suggestion_rejections: 'rejected suggestion',
  commitments: 'commitment',
  saved_views: 'saved search',
  cycles: 'cycle',
}

export function describeTable(table: TrackedTable): string {
  return TABLE_WORDS[table]
}

/** The audit `entity` name of a row of each table. */
export const ENTITY_OF: Record<TrackedTable, string> = {
  letters: 'letter',
  passages: 'passage',
  links: 'link',
  assessments: 'assessment',
  assessment_evidence: 'assessment_evidence',
  suggestion_rejections: 'suggestion_rejection',
  commitments: 'commitment',
  saved_views: 'saved_view',
  cycles: 'cycle',
}

/** The items a changed row concerns, for the per-item history (a link concerns its letter too). */
export function subjectsOf(change: RowChange): { entity: string; entityId: number }[] {
  const row = (change.after ?? change.before)!
  const refs: { entity: string; entityId: number }[] = [{ entity: ENTITY_OF[change.table], entityId: change.id }]
  const ref = (entity: string, column: string) => {
    const value = row[column]
    if (typeof value === 'number') refs.push({ entity, entityId: value })
  }
  ref('letter', 'letter_id')
  ref('recommendation', 'recommendation_id')
  ref('passage', 'passage_id')
  ref('cycle', 'cycle_id')
  ref('link', 'link_id')
  ref('assessment', 'assessment_id')
  ref('organisation', 'organisation_id')
  return refs
}
