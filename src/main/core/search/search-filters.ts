// How each search filter applies to each kind of result (letters, passages, recommendations,
// narratives). A filter that cannot apply to a kind leaves that kind out when it is set (a date
// range says nothing about a recommendation's text), rather than silently ignoring the filter.
//
//                     letter / passage                 recommendation / narrative
//   organisation      sender                            an addressee (directly or by group)
//   group             sender's group                    addressed to the group or one of its organisations
//   dateFrom/dateTo   letter date                       (kind left out)
//   format            letter format                     (kind left out)
//   linked            letter has links / none           has links / none; narratives left out
//                     (passages only with 'linked')
//   cycleId           letter dated within the cycle     status as in that cycle; narratives of that cycle
//   status            linked to a recommendation with   status in the cycle (default: the latest)
//                     that status in the cycle
import { sql, type RawBuilder } from 'kysely'
import type { SearchFilters, SearchKind } from '../../../shared/domain/review-dto'
import type { Cycle } from '../../../shared/domain/dto'

export interface FilterContext {
  filters: SearchFilters
  /** The cycle named by cycleId, or the latest one (for a status filter); null when there are none. */
  cycle: Cycle | null
  groupId: number | null
}

type Condition = RawBuilder<unknown>

export function kindApplies(kind: SearchKind, filters: SearchFilters): boolean {
  if (filters.kinds && !filters.kinds.includes(kind)) return false
  const letterOnly = filters.dateFrom !== undefined || filters.dateTo !== undefined || filters.format !== undefined
  switch (kind) {
    case 'letter':
      return true
    case 'passage':
      return filters.linked !== 'unlinked'
    case 'recommendation':
      return !letterOnly
    case 'narrative':
      return !letterOnly && filters.linked === undefined
  }
}

/**
 * The letter filters in two parts:
 *  - `columns(alias)`: conditions on the letters' own columns (sender, group, dates, format,
 *    cycle), written against the given alias of the letters table;
 *  - `byId(id)`: conditions needing only the letter's id (linked, status), via the links' index.
 */
export function letterConditions(context: FilterContext): { columns: (alias: string) => Condition[]; byId: (letterId: RawBuilder<unknown>) => Condition[] } {
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
export function letterIdConditions(context: FilterContext, letterId: RawBuilder<unknown>): Condition[] {
  const { columns, byId } = letterConditions(context)
  const conditions = byId(letterId)
  const own = columns('x')
  if (own.length > 0) conditions.unshift(sql`EXISTS (SELECT 1 FROM letters x INDEXED BY letters_search_filters WHERE x.id = ${letterId} AND ${where(own)})`)
  return conditions
}

function nextDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)
}

/** Conditions on `r` (recommendations), and `a` (the assessment) for narratives. */
export function recommendationConditions(context: FilterContext, kind: 'recommendation' | 'narrative'): Condition[] {
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

export function where(conditions: Condition[]): RawBuilder<unknown> {
  return conditions.length === 0 ? sql`1` : sql.join(conditions, sql` AND `)
}
