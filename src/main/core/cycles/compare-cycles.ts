// Year on year: each recommendation's status and narrative in one cycle against an earlier one,
// with moves down the scale flagged and a word-level redline of the narrative, and per stakeholder
// group how many moved forward, backward or not at all.
import type { CycleComparison, GroupMoves, RecommendationMove, StatusMove } from '../../../shared/domain/review-dto'
import { AppError } from '../../../shared/api/errors'
import { STATUS_PROGRESS, type Response, type Status } from '../../../shared/domain/status'
import { wordDiff } from '../../../shared/domain/word-diff'
import type { CoreContext } from '../context'
import { recommendationGroups } from '../recommendations/recommendation-groups'
import { recommendationsInOrder } from '../recommendations/recommendation-repository'
import { toStatus } from './assessment-queries'
import { assessmentsInCycles } from './assessment-repository'
import { listCycles } from './cycle-service'

export interface CompareInput {
  /** The later cycle; by default the latest. */
  toCycleId?: number | undefined
  /** The earlier cycle; by default the one before `toCycleId`. */
  fromCycleId?: number | undefined
  recommendationId?: number | undefined
  /** Only recommendations concerning this stakeholder group (by name). */
  group?: string | undefined
}

export function statusMove(from: Status | null, to: Status): StatusMove {
  if (from === null || from === 'Not yet assessed') return to === 'Not yet assessed' ? 'same' : 'new'
  if (from === to) return 'same'
  const a = STATUS_PROGRESS[from]
  const b = STATUS_PROGRESS[to]
  if (a === null || b === null) return 'changed'
  return b > a ? 'forward' : 'backward'
}

export async function compareCycles(ctx: CoreContext, input: CompareInput): Promise<CycleComparison> {
  const cycles = await listCycles(ctx.db) // newest first
  if (cycles.length === 0) throw new AppError('not_found', 'There are no reporting cycles yet; add one first.')
  const toIndex = input.toCycleId === undefined ? 0 : cycles.findIndex((c) => c.id === input.toCycleId)
  if (toIndex < 0) throw new AppError('not_found', `There is no reporting cycle with id ${input.toCycleId}.`)
  const to = cycles[toIndex]!
  const from = input.fromCycleId === undefined ? (cycles[toIndex + 1] ?? null) : cycles.find((c) => c.id === input.fromCycleId)
  if (from === undefined) throw new AppError('not_found', `There is no reporting cycle with id ${input.fromCycleId}.`)

  const { groups, byRecommendation } = await recommendationGroups(ctx.db)
  const groupName = new Map(groups.map((g) => [g.id, g.name]))
  const wantedGroup = input.group === undefined ? undefined : groups.find((g) => g.name.toLowerCase() === input.group!.trim().toLowerCase())
  if (input.group !== undefined && !wantedGroup) throw new AppError('not_found', `There is no stakeholder group called “${input.group}”.`)

  const recommendations = (await recommendationsInOrder(ctx.db, input.recommendationId)).filter((r) => !wantedGroup || byRecommendation.get(r.id)?.has(wantedGroup.id))
  if (input.recommendationId !== undefined && recommendations.length === 0) throw new AppError('not_found', `There is no recommendation with id ${input.recommendationId}.`)

  const cycleIds = from ? [to.id, from.id] : [to.id]
  const assessments = await assessmentsInCycles(ctx.db, cycleIds)
  const snapshot = (recommendationId: number, cycleId: number) => {
    const row = assessments.find((a) => a.recommendation_id === recommendationId && a.cycle_id === cycleId)
    return row ? { status: toStatus(row.status), response: (row.response as Response | null) ?? null, narrative: row.narrative } : null
  }

  const moves: RecommendationMove[] = recommendations.map((r) => {
    const before = from ? snapshot(r.id, from.id) : null
    const after = snapshot(r.id, to.id) ?? { status: 'Not yet assessed' as Status, response: null, narrative: '' }
    const move = statusMove(before?.status ?? null, after.status)
    return {
      recommendationId: r.id,
      number: r.number,
      title: r.title,
      groups: [...(byRecommendation.get(r.id) ?? [])].map((g) => groupName.get(g) ?? '').filter(Boolean),
      from: before,
      to: after,
      move,
      backward: move === 'backward',
      redline: wordDiff(before?.narrative ?? '', after.narrative),
    }
  })

  const perGroup: GroupMoves[] = groups
    .map((g) => {
      const mine = moves.filter((m) => byRecommendation.get(m.recommendationId)?.has(g.id))
      const count = (kind: StatusMove) => mine.filter((m) => m.move === kind).length
      return { group: g.name, total: mine.length, forward: count('forward'), backward: count('backward'), same: count('same'), changed: count('changed'), new: count('new') }
    })
    .filter((g) => g.total > 0)

  return { from: from ? { id: from.id, name: from.name } : null, to: { id: to.id, name: to.name }, recommendations: moves, groups: perGroup }
}
