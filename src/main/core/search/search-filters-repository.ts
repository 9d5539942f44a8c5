// The search filters as SQL conditions (which filter applies to which kind is search-filters.ts).
// They are handed to the engine's full-text queries (db/full-text.ts) and to the letters listed
// by filters alone, written against the letter id or the aliases those queries document.
import { sql, type RawBuilder } from 'kysely'
import type { Executor } from '../db/database'
import { indexedBy } from '../db/dialect/index-hints'
import { descendingNullsLast } from '../db/dialect/ordering'
import type { LetterIdFilter, SqlCondition } from '../db/full-text'
import type { FilterContext } from './search-filters'

type Condition = SqlCondition

/**
 * The letter filters in two parts:
 *  - `columns(alias)`: conditions on the letters' own columns (sender, group, dates, format,
 *    cycle), written against the given alias of the letters table;
 *  - `byId(id)`: conditions needing only the letter's id (linked, status), via the links' index.
 */
function letterConditions(context: FilterContext): { columns: (alias: string) => Condition[]; byId: (letterId: RawBuilder<unknown>) => Condition[] } {
  const { filters, cycle } = context
  const columns = (alias: string) => {
    const col = (name: string) => sql.ref(`${alias}.${name}`)
    const conditions: Condition[] = []
    if (filters.organisationId !== undefined) conditions.push(sql`${col('organisation_id')} = ${filters.organisationId}`)
    if (filters.group !== undefined) conditions.push(sql`${col('organisation_id')} IN (SELECT id FROM organisations WHERE group_id = ${context.groupId ?? -1})`)
    if (filters.dateFrom !== undefined) conditions.push(sql`${col('letter_date')} >= ${filters.dateFrom}`)
    // letter_date may be a full timestamp; "to 30 June" includes all of 30 June.
    if (filters.dateTo !== undefined) conditions.push(sql`${col('letter_date')} < ${nextDay(filters.dateTo)}`)
    if (filters.format !== undefined) conditions.push(sql`${col('format')} = ${filters.format}`)
    if (filters.cycleId !== undefined && cycle) {
      if (cycle.startsOn) conditions.push(sql`${col('letter_date')} >= ${cycle.startsOn}`)
      if (cycle.endsOn) conditions.push(sql`${col('letter_date')} < ${nextDay(cycle.endsOn)}`)
      if (!cycle.startsOn && !cycle.endsOn) conditions.push(sql`${col('letter_date')} IS NOT NULL`)
    }
    return conditions
  }
  const byId = (letterId: RawBuilder<unknown>) => {
    const conditions: Condition[] = []
    if (filters.linked === 'linked') conditions.push(sql`EXISTS (SELECT 1 FROM links k WHERE k.letter_id = ${letterId})`)
    if (filters.linked === 'unlinked') conditions.push(sql`NOT EXISTS (SELECT 1 FROM links k WHERE k.letter_id = ${letterId})`)
    if (filters.status !== undefined) conditions.push(sql`EXISTS (SELECT 1 FROM links k WHERE k.letter_id = ${letterId} AND ${statusOf(sql`k.recommendation_id`, context)})`)
    return conditions
  }
  return { columns, byId }
}

/**
 * Every letter filter as conditions on a letter id (a full-text match's rowid, a passage's
 * letter). The column checks go through the narrow index letters_search_filters (schema v4):
 * looked up by id there, they never read a letter's row with its text, and need no id list
 * built in advance (which for a broad filter would mean tens of thousands of ids per search).
 */
function letterIdConditions(db: Executor, context: FilterContext, letterId: RawBuilder<unknown>): Condition[] {
  const { columns, byId } = letterConditions(context)
  const conditions = byId(letterId)
  const own = columns('x')
  if (own.length > 0) conditions.unshift(sql`EXISTS (SELECT 1 FROM letters x ${indexedBy(db, 'letters_search_filters')} WHERE x.id = ${letterId} AND ${where(own)})`)
  return conditions
}

/** Every letter filter as one condition on a letter id, or null when no filter applies to letters. */
export function letterIdFilter(db: Executor, context: FilterContext): LetterIdFilter | null {
  // Which conditions there are depends on the filters alone, not on the id they are written for.
  if (letterIdConditions(db, context, sql`id`).length === 0) return null
  return (letterId) => where(letterIdConditions(db, context, letterId))
}

function nextDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)
}

/** The filters as one condition on `r` (recommendations), and `a` (the assessment) for narratives; null when none applies. */
export function recommendationCondition(context: FilterContext, kind: 'recommendation' | 'narrative'): Condition | null {
  const conditions = recommendationConditions(context, kind)
  return conditions.length === 0 ? null : where(conditions)
}

function recommendationConditions(context: FilterContext, kind: 'recommendation' | 'narrative'): Condition[] {
  const { filters } = context
  const conditions: Condition[] = []
  if (filters.organisationId !== undefined) {
    conditions.push(sql`EXISTS (SELECT 1 FROM recommendation_addressees ra WHERE ra.recommendation_id = r.id AND (ra.organisation_id = ${filters.organisationId}
      OR ra.group_id = (SELECT group_id FROM organisations WHERE id = ${filters.organisationId})))`)
  }
  if (filters.group !== undefined) {
    const groupId = context.groupId ?? -1
    conditions.push(sql`EXISTS (SELECT 1 FROM recommendation_addressees ra LEFT JOIN organisations ao ON ao.id = ra.organisation_id
      WHERE ra.recommendation_id = r.id AND (ra.group_id = ${groupId} OR ao.group_id = ${groupId}))`)
  }
  if (kind === 'recommendation') {
    if (filters.linked === 'linked') conditions.push(sql`EXISTS (SELECT 1 FROM links k WHERE k.recommendation_id = r.id)`)
    if (filters.linked === 'unlinked') conditions.push(sql`NOT EXISTS (SELECT 1 FROM links k WHERE k.recommendation_id = r.id)`)
    if (filters.status !== undefined) conditions.push(statusOf(sql`r.id`, context))
  } else {
    if (filters.cycleId !== undefined) conditions.push(sql`a.cycle_id = ${filters.cycleId}`)
    if (filters.status !== undefined) conditions.push(sql`a.status = ${filters.status}`)
  }
  return conditions
}

/** The recommendation's status in the filter's cycle is the one asked for (unassessed counts as "Not yet assessed"). */
function statusOf(recommendationId: RawBuilder<unknown>, context: FilterContext): Condition {
  const cycleId = context.cycle?.id ?? -1
  const status = context.filters.status!
  return status === 'Not yet assessed'
    ? sql`NOT EXISTS (SELECT 1 FROM assessments sa WHERE sa.recommendation_id = ${recommendationId} AND sa.cycle_id = ${cycleId} AND sa.status <> ${status})`
    : sql`EXISTS (SELECT 1 FROM assessments sa WHERE sa.recommendation_id = ${recommendationId} AND sa.cycle_id = ${cycleId} AND sa.status = ${status})`
}

function where(conditions: Condition[]): RawBuilder<unknown> {
  return conditions.length === 0 ? sql`1` : sql.join(conditions, sql` AND `)
}

/** How many letters pass the filters (up to `limit`): the list when there are no words to search for. */
export async function countFilteredLetters(db: Executor, context: FilterContext, limit: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM letters l WHERE ${filteredLetters(context)} LIMIT ${limit}) AS counted`.execute(db)
  return rows[0]?.n ?? 0
}

/** The newest letters that pass the filters (by letter date, undated last, then highest id). */
export async function newestFilteredLetters(db: Executor, context: FilterContext, limit: number): Promise<{ id: number; letter_date: string | null }[]> {
  const { rows } = await sql<{ id: number; letter_date: string | null }>`
    SELECT l.id, l.letter_date FROM letters l WHERE ${filteredLetters(context)}
    ORDER BY l.letter_date ${descendingNullsLast(db)}, l.id DESC LIMIT ${limit}`.execute(db)
  return rows
}

/** The filters on the letters table itself, aliased `l`, over the letters outside the bin (the
 *  full-text indexes hold only those, so a search with words needs no such condition). */
function filteredLetters(context: FilterContext): Condition {
  return where([sql`l.deleted_at IS NULL`, ...letterTableConditions(context)])
}

/** The letter filters as conditions on the letters table aliased `l` (the letters list's too). */
export function letterTableConditions(context: FilterContext): Condition[] {
  const { columns, byId } = letterConditions(context)
  return [...columns('l'), ...byId(sql`l.id`)]
}
