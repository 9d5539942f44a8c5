// The cycle dashboard, per stakeholder group: how many recommendations have each status, how
// many letters wait to be linked, which recommendations lack evidence from the cycle, who needs
// chasing and which promises fall due. Counts only; each figure has a list view behind it.
import type { Dashboard, DashboardGroup } from '../../../shared/domain/review-dto'
import { STATUSES } from '../../../shared/domain/status'
import type { CoreContext } from '../context'
import { resolveCycle } from './cycle-service'
import { recommendationGroups } from '../recommendations/recommendation-groups'
import { allRecommendationIds } from '../recommendations/recommendation-repository'
import { statusesInCycle } from './assessment-repository'
import { chosenEvidenceCurrency, openCommitmentsDueByGroup, recommendationsEvidencedBetween, unlinkedIncomingByGroup } from './dashboard-repository'
import { toStatus } from './assessment-queries'
import { chaseList } from '../organisations/chase-list'
import { todayOf } from '../shared/iso-dates'

export async function dashboard(ctx: CoreContext, cycleId?: number): Promise<Dashboard> {
  const cycle = await resolveCycle(ctx.db, cycleId)
  const today = todayOf(ctx.now())
  const from = cycle?.startsOn ?? '0000-00-00'
  const to = cycle?.endsOn ?? '9999-12-31'
  const { groups, byRecommendation } = await recommendationGroups(ctx.db)
  const recommendations = await allRecommendationIds(ctx.db)
  const statuses = new Map(
    cycle ? (await statusesInCycle(ctx.db, cycle.id)).map((a) => [a.recommendation_id, toStatus(a.status)]) : [],
  )

  // Recommendations with a link from an incoming letter dated in the cycle.
  const evidenced = new Set(await recommendationsEvidencedBetween(ctx.db, from, to))
  // Assessments whose chosen evidence holds nothing from the cycle (chosen evidence overrides the rest).
  const chosen = cycle ? await chosenEvidenceCurrency(ctx.db, cycle.id, from, to) : []
  const chosenCurrent = new Map(chosen.map((c) => [c.id, c.current === 1]))

  const unlinked = await unlinkedIncomingByGroup(ctx.db)
  const chases = cycle ? await chaseList(ctx, { cycleId: cycle.id }) : []
  const dueBy = cycle?.endsOn && cycle.endsOn > today ? cycle.endsOn : today
  const commitments = await openCommitmentsDueByGroup(ctx.db, dueBy)

  const rows: DashboardGroup[] = []
  for (const group of groups) {
    const mine = recommendations.filter((r) => byRecommendation.get(r.id)?.has(group.id))
    const counts = new Map(STATUSES.map((s) => [s, 0]))
    for (const r of mine) {
      const status = statuses.get(r.id) ?? 'Not yet assessed'
      counts.set(status, counts.get(status)! + 1)
    }
    const statusWithoutEvidence = mine.filter((r) => {
      const status = statuses.get(r.id)
      if (!status || status === 'Not yet assessed') return false
      return chosenCurrent.has(r.id) ? !chosenCurrent.get(r.id) : !evidenced.has(r.id)
    }).length
    const row: DashboardGroup = {
      group: group.name,
      recommendations: mine.length,
      statusCounts: STATUSES.map((status) => ({ status, count: counts.get(status)! })),
      unlinkedLetters: unlinked.find((u) => u.group_id === group.id)?.n ?? 0,
      withoutEvidence: mine.filter((r) => !evidenced.has(r.id)).length,
      statusWithoutEvidence,
      chasesDue: chases.filter((c) => c.group === group.name).length,
      overdueChases: chases.filter((c) => c.group === group.name && c.overdue).length,
      commitmentsDue: commitments.find((c) => c.group_id === group.id)?.n ?? 0,
    }
    if (row.recommendations > 0 || row.unlinkedLetters > 0 || row.commitmentsDue > 0) rows.push(row)
  }
  return {
    cycle: cycle && { id: cycle.id, name: cycle.name, startsOn: cycle.startsOn, endsOn: cycle.endsOn },
    today,
    groups: rows,
    unlinkedLettersWithoutSender: unlinked.find((u) => u.group_id === null)?.n ?? 0,
  }
}
