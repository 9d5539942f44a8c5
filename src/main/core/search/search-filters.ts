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

/** Conditions on `l` (letters) and `o` (its organisation) for letters and passages. */
export function letterConditions(context: FilterContext): Condition[] {
  const { filters, cycle } = context
  const conditions: Condition[] = []
  if (filters.organisationId !== undefined) conditions.push(sql`l.organisation_id = ${filters.organisationId}`)
  if (filters.group !== undefined) conditions.push(sql`o.group_id = ${context.groupId ?? -1}`)
  if (filters.dateFrom !== undefined) conditions.push(sql`l.letter_date >= ${filters.dateFrom}`)
  if (filters.dateTo !== undefined) conditions.push(sql`substr(l.letter_date, 1, 10) <= ${filters.dateTo}`)
  if (filters.format !== undefined) conditions.push(sql`l.format = ${filters.format}`)
  if (filters.linked === 'linked') conditions.push(sql`EXISTS (SELECT 1 FROM links k WHERE k.letter_id = l.id)`)
  if (filters.linked === 'unlinked') conditions.push(sql`NOT EXISTS (SELECT 1 FROM links k WHERE k.letter_id = l.id)`)
  if (filters.cycleId !== undefined && cycle) {
    if (cycle.startsOn) conditions.push(sql`l.letter_date >= ${cycle.startsOn}`)
    if (cycle.endsOn) conditions.push(sql`substr(l.letter_date, 1, 10) <= ${cycle.endsOn}`)
    if (!cycle.startsOn && !cycle.endsOn) conditions.push(sql`l.letter_date IS NOT NULL`)
  }
  if (filters.status !== undefined) {
    conditions.push(sql`EXISTS (SELECT 1 FROM links k WHERE k.letter_id = l.id AND ${statusOf(sql`k.recommendation_id`, context)})`)
  }
  return conditions
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
