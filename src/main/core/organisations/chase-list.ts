// The chase list: for a cycle, every organisation a recommendation is addressed to (groups
// expanded to their organisations) that has not written within the cycle's dates, with when the
// committee last wrote to it and when it last wrote. A reply is due four weeks after the
// committee's latest letter in the cycle, or else by the cycle's end; past that it is overdue.
import { sql } from 'kysely'
import type { ChaseEntry } from '../../../shared/domain/review-dto'
import type { CoreContext } from '../context'
import { resolveCycle } from '../cycles/cycle-service'
import { addDays, todayOf } from '../shared/iso-dates'

export const REPLY_WINDOW_DAYS = 28

export interface ChaseInput {
  cycleId?: number | undefined
  /** Include organisations that have replied (the organisations view shows everyone). */
  includeReplied?: boolean | undefined
}

export async function chaseList(ctx: CoreContext, input: ChaseInput = {}): Promise<ChaseEntry[]> {
  const cycle = await resolveCycle(ctx.db, input.cycleId)
  if (!cycle) return []
  const today = todayOf(ctx.now())
  const organisations = await ctx.db
    .selectFrom('organisations as o')
    .innerJoin('stakeholder_groups as g', 'g.id', 'o.group_id')
    .select(['o.id', 'o.name', 'o.group_id', 'g.name as group', 'g.position'])
    .execute()
  const addressees = await ctx.db
    .selectFrom('recommendation_addressees as ra')
    .innerJoin('recommendations as r', 'r.id', 'ra.recommendation_id')
    .select(['r.number', 'r.position', 'r.report_id', 'ra.organisation_id', 'ra.group_id'])
    .orderBy('r.report_id')
    .orderBy('r.position')
    .execute()
  // One pass over the narrow search index (sender, date, direction), never the letters' rows with their text.
  const from = cycle.startsOn ?? '0000-00-00'
  const to = cycle.endsOn ?? '9999-12-31'
  const { rows: dates } = await sql<{ organisation_id: number; last_in: string | null; last_out: string | null; in_cycle_in: string | null; in_cycle_out: string | null }>`
    SELECT organisation_id,
      max(CASE WHEN direction = 'incoming' THEN substr(letter_date, 1, 10) END) AS last_in,
      max(CASE WHEN direction = 'outgoing' THEN substr(letter_date, 1, 10) END) AS last_out,
      max(CASE WHEN direction = 'incoming' AND substr(letter_date, 1, 10) BETWEEN ${from} AND ${to} THEN substr(letter_date, 1, 10) END) AS in_cycle_in,
      max(CASE WHEN direction = 'outgoing' AND substr(letter_date, 1, 10) BETWEEN ${from} AND ${to} THEN substr(letter_date, 1, 10) END) AS in_cycle_out
    FROM letters INDEXED BY letters_search_filters
    WHERE organisation_id IS NOT NULL AND letter_date IS NOT NULL AND substr(letter_date, 1, 10) <= ${today}
    GROUP BY organisation_id`.execute(ctx.db)
  const byOrganisation = new Map(dates.map((d) => [d.organisation_id, d]))

  const entries: (ChaseEntry & { position: number })[] = []
  for (const organisation of organisations) {
    const numbers = addressees.filter((a) => a.organisation_id === organisation.id || a.group_id === organisation.group_id).map((a) => a.number)
    if (numbers.length === 0) continue
    const seen = byOrganisation.get(organisation.id)
    const repliedThisCycle = Boolean(seen?.in_cycle_in)
    if (repliedThisCycle && !input.includeReplied) continue
    const writtenThisCycle = seen?.in_cycle_out ?? null
    const replyDueBy = writtenThisCycle ? addDays(writtenThisCycle, REPLY_WINDOW_DAYS) : cycle.endsOn
    entries.push({
      organisationId: organisation.id,
      organisation: organisation.name,
      group: organisation.group,
      recommendations: [...new Set(numbers)],
      lastWrittenTo: seen?.last_out ?? null,
      lastReply: seen?.last_in ?? null,
      repliedThisCycle,
      replyDueBy,
      overdue: !repliedThisCycle && replyDueBy !== null && today > replyDueBy,
      position: organisation.position,
    })
  }
  return entries
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.position - b.position || a.organisation.localeCompare(b.organisation, 'en-GB'))
    .map(({ position: _position, ...entry }) => entry)
}
