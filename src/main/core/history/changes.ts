// Row-level change sets: every undoable write goes through a ChangeRecorder, which notes each row
// it inserts, updates or deletes, whole, before and after. The audit row keeps that list, and undo
// and redo replay it backwards or forwards. Recording whole rows (ids included) rather than
// "inverse operations" means a redone link gets its old id back, so older entries that mention
// it stay true, and a row that has changed since can be detected and the undo refused.
import type { Insertable, Updateable } from 'kysely'
import { AppError } from '../../../shared/api/errors'
import type { Trx } from '../db/database'
import type { Database } from '../db/schema'
import {
  claimNextVersion,
  deleteTrackedRow,
  insertTrackedRow,
  isVersioned,
  putBackTrackedRow,
  readTrackedRow,
  TRACKED_TABLES,
  updateTrackedRow,
  writeBackTrackedRow,
  type Row,
  type TrackedTable,
  type VersionedTable,
} from './tracked-rows-repository'

export interface RowChange {
  table: TrackedTable
  id: number
  /** The whole row before the change; null when the change inserted it. */
  before: Row | null
  /** The whole row after the change; null when the change deleted it. */
  after: Row | null
}

/** The values actually given: a column left undefined is not written. */
function definedValues(values: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values as Record<string, unknown>).filter(([, v]) => v !== undefined))
}

export class ChangeRecorder {
  readonly changes: RowChange[] = []

  constructor(private readonly trx: Trx) {}

  async insert<T extends TrackedTable>(table: T, values: Insertable<Database[T]>): Promise<number> {
    const id = await insertTrackedRow(this.trx, table, definedValues(values))
    this.changes.push({ table, id, before: null, after: await readTrackedRow(this.trx, table, id) })
    return id
  }

  /** Updates one row; records nothing when no column actually changed. */
  async update<T extends TrackedTable>(table: T, id: number, values: Updateable<Database[T]>): Promise<void> {
    const before = await readTrackedRow(this.trx, table, id)
    if (!before) throw new Error(`${table} ${id} is missing`)
    const defined = definedValues(values)
    if (Object.keys(defined).length === 0) return
    await updateTrackedRow(this.trx, table, id, defined)
    const after = await readTrackedRow(this.trx, table, id)
    if (!sameRow(before, after)) this.changes.push({ table, id, before, after })
  }

  /**
   * Moves a versioned row to its next version, stamped with who and when, if it is still at
   * `ifVersion` (see history/versions.ts); returns the stored row when it is not, and changes nothing.
   */
  async claim(table: VersionedTable, id: number, stamp: { by: string; at: string }, ifVersion: number | undefined): Promise<{ claimed: true } | { claimed: false; stored: Row | null }> {
    const before = await readTrackedRow(this.trx, table, id)
    if (!before) return { claimed: false, stored: null }
    if (!(await claimNextVersion(this.trx, table, id, stamp, ifVersion))) return { claimed: false, stored: await readTrackedRow(this.trx, table, id) }
    this.changes.push({ table, id, before, after: await readTrackedRow(this.trx, table, id) })
    return { claimed: true }
  }

  async delete(table: TrackedTable, id: number): Promise<Row | null> {
    const before = await readTrackedRow(this.trx, table, id)
    if (!before) return null
    await deleteTrackedRow(this.trx, table, id)
    this.changes.push({ table, id, before, after: null })
    return before
  }
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
    const current = expected.has(key) ? expected.get(key)! : await readTrackedRow(trx, change.table, change.id)
    if (!sameRow(withoutVersion(change.table, current), withoutVersion(change.table, change.before))) {
      throw new AppError('conflict', `“${what}” cannot be undone or redone because the ${describeTable(change.table)} it changed has been changed again since.`)
    }
    expected.set(key, change.after)
  }
  for (const change of changes) {
    if (change.after === null) {
      await deleteTrackedRow(trx, change.table, change.id)
    } else if (change.before === null) {
      await putBackTrackedRow(trx, change.table, change.after)
    } else {
      const { id: _id, ...columns } = change.after
      await writeBackTrackedRow(trx, change.table, change.id, columns)
    }
  }
}

/** Undo and redo compare what a row says, not its version number, which only ever goes up. */
function withoutVersion(table: TrackedTable, row: Row | null): Row | null {
  if (row === null || !isVersioned(table)) return row
  const { version: _version, ...rest } = row
  return rest
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
  stakeholder_groups: 'stakeholder group',
  organisations: 'organisation',
  organisation_aliases: 'organisation’s alias',
  organisation_domains: 'organisation’s e-mail domain',
  organisation_addresses: 'organisation’s address',
  reports: 'report',
  recommendations: 'recommendation',
  recommendation_addressees: 'recommendation’s addressee',
  group_preambles: 'framing paragraph',
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
  stakeholder_groups: 'group',
  organisations: 'organisation',
  organisation_aliases: 'organisation_alias',
  organisation_domains: 'organisation_domain',
  organisation_addresses: 'organisation_address',
  reports: 'report',
  recommendations: 'recommendation',
  recommendation_addressees: 'recommendation_addressee',
  group_preambles: 'group_preamble',
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
  ref('report', 'report_id')
  ref('group', 'group_id')
  return refs
}
