// The chase list: for a cycle, every organisation a recommendation is addressed to (groups
// expanded to their organisations) that has not written within the cycle's dates, with when the
// committee last wrote to it and when it last wrote. A reply is due four weeks after the
// committee's latest letter in the cycle, or else by the cycle's end; past that it is overdue.
import type { ChaseEntry } from '../../../shared/domain/review-dto'
import type { CoreContext } from '../context'
import { resolveCycle } from '../cycles/cycle-service'
import { addresseesInOrder, letterDatesByOrganisation, organisationsWithGroups } from './chase-list-repository'
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
  const organisations = await organisationsWithGroups(ctx.db)
  const addressees = await addresseesInOrder(ctx.db)
  // One pass over the narrow search index (sender, date, direction), never the letters' rows with their text.
  const from = cycle.startsOn ?? '0000-00-00'
  const to = cycle.endsOn ?? '9999-12-31'
  const dates = await letterDatesByOrganisation(ctx.db, from, to, today)
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
