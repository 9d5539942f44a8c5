// The assessments' SQL: a recommendation's assessments and the evidence they rest on, and the
// assessments of whole cycles (for copying forward, comparing and the dashboard).
import type { Selectable } from 'kysely'
import type { EvidenceView } from '../../../shared/domain/review-dto'
import type { Executor } from '../db/database'
import { descNullsLast } from '../db/dialect/ordering'
import type { Database } from '../db/schema'

export type AssessmentRow = Selectable<Database['assessments']>

export interface EvidenceLinkRow extends Omit<EvidenceView, 'inCycle' | 'inBin'> {
  direction: 'incoming' | 'outgoing'
  deleted_at: string | null
}

/** The letters linked to a recommendation, newest first, with each letter's direction and whether it is in the bin. */
export async function evidenceLinksOf(db: Executor, recommendationId: number): Promise<EvidenceLinkRow[]> {
  return db
    .selectFrom('links as k')
    .innerJoin('letters as l', 'l.id', 'k.letter_id')
    .leftJoin('organisations as o', 'o.id', 'l.organisation_id')
    .leftJoin('passages as p', 'p.id', 'k.passage_id')
    .select(['k.id as linkId', 'l.id as letterId', 'o.name as organisation', 'l.letter_date as date', 'l.subject', 'p.quote', 'k.note', 'l.direction', 'l.deleted_at'])
    .where('k.recommendation_id', '=', recommendationId)
    .orderBy('l.letter_date', descNullsLast(db))
    .orderBy('k.id')
    .execute()
}

/** A recommendation's assessments, one per cycle it was assessed in. */
export async function assessmentsOfRecommendation(db: Executor, recommendationId: number): Promise<AssessmentRow[]> {
  return db.selectFrom('assessments').selectAll().where('recommendation_id', '=', recommendationId).execute()
}

export async function assessmentInCycle(db: Executor, recommendationId: number, cycleId: number): Promise<AssessmentRow | undefined> {
  return db.selectFrom('assessments').selectAll().where('recommendation_id', '=', recommendationId).where('cycle_id', '=', cycleId).executeTakeFirst()
}

export async function assessmentsOfCycle(db: Executor, cycleId: number): Promise<AssessmentRow[]> {
  return db.selectFrom('assessments').selectAll().where('cycle_id', '=', cycleId).execute()
}

/** Status, response and narrative of every assessment in these cycles. */
export async function assessmentsInCycles(
  db: Executor,
  cycleIds: number[],
): Promise<{ recommendation_id: number; cycle_id: number; status: string; response: string | null; narrative: string }[]> {
  return db.selectFrom('assessments').select(['recommendation_id', 'cycle_id', 'status', 'response', 'narrative']).where('cycle_id', 'in', cycleIds).execute()
}

export async function statusesInCycle(db: Executor, cycleId: number): Promise<{ recommendation_id: number; status: string }[]> {
  return db.selectFrom('assessments').select(['recommendation_id', 'status']).where('cycle_id', '=', cycleId).execute()
}

/** The links chosen as evidence by any of these assessments (none asked, none found). */
export async function chosenEvidenceOf(db: Executor, assessmentIds: number[]): Promise<{ assessment_id: number; link_id: number }[]> {
  if (assessmentIds.length === 0) return []
  return db.selectFrom('assessment_evidence').select(['assessment_id', 'link_id']).where('assessment_id', 'in', assessmentIds).execute()
}

/** One assessment's chosen evidence rows (their ids, for the change recorder). */
export async function evidenceRowsOfAssessment(db: Executor, assessmentId: number): Promise<{ id: number; link_id: number }[]> {
  return db.selectFrom('assessment_evidence').select(['id', 'link_id']).where('assessment_id', '=', assessmentId).execute()
}

/** Which recommendation each of these links is evidence for. */
export async function recommendationsOfLinks(db: Executor, linkIds: number[]): Promise<{ id: number; recommendation_id: number }[]> {
  return db.selectFrom('links').select(['id', 'recommendation_id']).where('id', 'in', linkIds).execute()
}
