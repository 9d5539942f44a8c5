// Reading recommendations with their status in a cycle, evidence and assessments.
import type { Addressee, AssessmentView, LinkedLetterView, RecommendationDetail, RecommendationSummary } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import { DEFAULT_STATUS, parseStatus, type Status } from '../../../shared/domain/status'
import type { CoreContext } from '../context'
import { resolveCycle } from '../cycles/cycle-service'
import { assessmentViews } from '../cycles/assessment-queries'
import { addresseeNames, linkedLettersOf, recommendationsWithStatus, recommendationTextAndReport } from './recommendation-repository'

export async function listRecommendations(ctx: CoreContext, cycleId?: number): Promise<RecommendationSummary[]> {
  const cycle = await resolveCycle(ctx.db, cycleId)
  const rows = await recommendationsWithStatus(ctx.db, cycle?.id ?? -1)
  const addressees = await addresseesByRecommendation(ctx)
  return rows.map((row) => ({
    id: row.id,
    reportId: row.report_id,
    number: row.number,
    title: row.title,
    theme: row.theme,
    addressees: addressees.get(row.id) ?? [],
    status: toStatus(row.status),
    evidenceCount: row.evidenceCount,
    lastLetterDate: row.lastLetterDate,
  }))
}

export async function getRecommendation(ctx: CoreContext, id: number, cycleId?: number): Promise<RecommendationDetail> {
  const summary = (await listRecommendations(ctx, cycleId)).find((r) => r.id === id)
  if (!summary) throw new AppError('not_found', `There is no recommendation with id ${id}.`)
  const base = await recommendationTextAndReport(ctx.db, id)
  return { ...summary, ...base, linkedLetters: await linkedLetters(ctx, id), assessments: await assessmentsFor(ctx, id) }
}

async function linkedLetters(ctx: CoreContext, recommendationId: number): Promise<LinkedLetterView[]> {
  return linkedLettersOf(ctx.db, recommendationId)
}

async function assessmentsFor(ctx: CoreContext, recommendationId: number): Promise<AssessmentView[]> {
  return assessmentViews(ctx.db, recommendationId)
}

function toStatus(value: string | null | undefined): Status {
  return (value && parseStatus(value)) || DEFAULT_STATUS
}

async function addresseesByRecommendation(ctx: CoreContext): Promise<Map<number, Addressee[]>> {
  const rows = await addresseeNames(ctx.db)
  const map = new Map<number, Addressee[]>()
  for (const row of rows) {
    const list = map.get(row.recommendation_id) ?? []
    list.push(row.organisation ? { kind: 'organisation', name: row.organisation } : { kind: 'group', name: row.group ?? '' })
    map.set(row.recommendation_id, list)
  }
  return map
}
