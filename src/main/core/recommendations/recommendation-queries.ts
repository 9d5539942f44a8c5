// Reading recommendations with their status in a cycle, evidence and assessments.
import { sql } from 'kysely'
import type { Addressee, AssessmentView, LinkedLetterView, RecommendationDetail, RecommendationSummary } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import { DEFAULT_STATUS, parseStatus, type Status } from '../../../shared/domain/status'
import type { CoreContext } from '../context'
import { resolveCycle } from '../cycles/cycle-service'
import { assessmentViews } from '../cycles/assessment-queries'

export async function listRecommendations(ctx: CoreContext, cycleId?: number): Promise<RecommendationSummary[]> {
  const cycle = await resolveCycle(ctx.db, cycleId)
  const rows = await ctx.db
    .selectFrom('recommendations as r')
    .leftJoin('assessments as a', (join) => join.onRef('a.recommendation_id', '=', 'r.id').on('a.cycle_id', '=', cycle?.id ?? -1))
    .select([
      'r.id',
      'r.report_id',
      'r.number',
      'r.title',
      'r.theme',
      'a.status',
      sql<number>`(SELECT count(*) FROM links WHERE recommendation_id = r.id)`.as('evidenceCount'),
      sql<string | null>`(SELECT max(l.letter_date) FROM links k JOIN letters l ON l.id = k.letter_id WHERE k.recommendation_id = r.id)`.as('lastLetterDate'),
    ])
    .orderBy('r.report_id')
    .orderBy('r.position')
    .execute()
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
  const base = await ctx.db
    .selectFrom('recommendations as r')
    .innerJoin('reports as p', 'p.id', 'r.report_id')
    .select(['r.text', 'p.title as reportTitle'])
    .where('r.id', '=', id)
    .executeTakeFirstOrThrow()
  return { ...summary, ...base, linkedLetters: await linkedLetters(ctx, id), assessments: await assessmentsFor(ctx, id) }
}

async function linkedLetters(ctx: CoreContext, recommendationId: number): Promise<LinkedLetterView[]> {
  const rows = await ctx.db
    .selectFrom('links as k')
    .innerJoin('letters as l', 'l.id', 'k.letter_id')
    .leftJoin('organisations as o', 'o.id', 'l.organisation_id')
    .leftJoin('passages as p', 'p.id', 'k.passage_id')
    .select(['k.id as linkId', 'l.id as letterId', 'o.name as organisation', 'l.letter_date as date', 'l.subject', 'p.quote', 'k.note'])
    .where('k.recommendation_id', '=', recommendationId)
    .orderBy('l.letter_date', 'desc')
    .orderBy('k.id')
    .execute()
  return rows
}

async function assessmentsFor(ctx: CoreContext, recommendationId: number): Promise<AssessmentView[]> {
  return assessmentViews(ctx.db, recommendationId)
}

function toStatus(value: string | null | undefined): Status {
  return (value && parseStatus(value)) || DEFAULT_STATUS
}

async function addresseesByRecommendation(ctx: CoreContext): Promise<Map<number, Addressee[]>> {
  const rows = await ctx.db
    .selectFrom('recommendation_addressees as ra')
    .leftJoin('organisations as o', 'o.id', 'ra.organisation_id')
    .leftJoin('stakeholder_groups as g', 'g.id', 'ra.group_id')
    .select(['ra.recommendation_id', 'o.name as organisation', 'g.name as group'])
    .orderBy('ra.id')
    .execute()
  const map = new Map<number, Addressee[]>()
  for (const row of rows) {
    const list = map.get(row.recommendation_id) ?? []
    list.push(row.organisation ? { kind: 'organisation', name: row.organisation } : { kind: 'group', name: row.group ?? '' })
    map.set(row.recommendation_id, list)
  }
  return map
}
