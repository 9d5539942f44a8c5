// The recommendations' SQL: reading them with their status in a cycle, evidence and addressees, and
// writing them (with their addressees) when a register is imported. Services own the transactions.
import { sql } from 'kysely'
import type { LinkedLetterView } from '../../../shared/domain/dto'
import type { Executor } from '../db/database'
import { descNullsLast } from '../db/dialect/ordering'

export interface RecommendationRow {
  id: number
  report_id: number
  number: string
  title: string
  theme: string | null
  /** The assessment's status in the cycle asked for, null when unassessed. */
  status: string | null
  evidenceCount: number
  lastLetterDate: string | null
}

/** Every recommendation in report then register order, with its status in the cycle (none for -1), evidence count and latest linked letter's date. */
export async function recommendationsWithStatus(db: Executor, cycleId: number): Promise<RecommendationRow[]> {
  return db
    .selectFrom('recommendations as r')
    .leftJoin('assessments as a', (join) => join.onRef('a.recommendation_id', '=', 'r.id').on('a.cycle_id', '=', cycleId))
    .select([
      'r.id',
      'r.report_id',
      'r.number',
      'r.title',
      'r.theme',
      'a.status',
      sql<number>`(SELECT count(*) FROM links k JOIN letters l ON l.id = k.letter_id WHERE k.recommendation_id = r.id AND l.deleted_at IS NULL)`.as('evidenceCount'),
      sql<string | null>`(SELECT max(l.letter_date) FROM links k JOIN letters l ON l.id = k.letter_id WHERE k.recommendation_id = r.id AND l.deleted_at IS NULL)`.as('lastLetterDate'),
    ])
    .orderBy('r.report_id')
    .orderBy('r.position')
    .execute()
}

/** A recommendation's full text and its report's title; throws when there is no such recommendation. */
export async function recommendationTextAndReport(
  db: Executor,
  id: number,
): Promise<{ text: string; reportTitle: string; version: number; updatedBy: string | null; updatedAt: string | null }> {
  return db
    .selectFrom('recommendations as r')
    .innerJoin('reports as p', 'p.id', 'r.report_id')
    .select(['r.text', 'p.title as reportTitle', 'r.version', 'r.updated_by as updatedBy', 'r.updated_at as updatedAt'])
    .where('r.id', '=', id)
    .executeTakeFirstOrThrow()
}

/** The letters linked to a recommendation as evidence, newest first. */
export async function linkedLettersOf(db: Executor, recommendationId: number): Promise<LinkedLetterView[]> {
  return db
    .selectFrom('links as k')
    .innerJoin('letters as l', 'l.id', 'k.letter_id')
    .leftJoin('organisations as o', 'o.id', 'l.organisation_id')
    .leftJoin('passages as p', 'p.id', 'k.passage_id')
    .select(['k.id as linkId', 'l.id as letterId', 'o.name as organisation', 'l.letter_date as date', 'l.subject', 'p.quote', 'k.note'])
    .where('k.recommendation_id', '=', recommendationId)
    .where('l.deleted_at', 'is', null)
    .orderBy('l.letter_date', descNullsLast(db))
    .orderBy('k.id')
    .execute()
}

/** Every addressee by name (an organisation's or a group's), in the order they were given. */
export async function addresseeNames(db: Executor): Promise<{ recommendation_id: number; organisation: string | null; group: string | null }[]> {
  return db
    .selectFrom('recommendation_addressees as ra')
    .leftJoin('organisations as o', 'o.id', 'ra.organisation_id')
    .leftJoin('stakeholder_groups as g', 'g.id', 'ra.group_id')
    .select(['ra.recommendation_id', 'o.name as organisation', 'g.name as group'])
    .orderBy('ra.id')
    .execute()
}

/** Every addressee with the group it names directly and the group of the organisation it names. */
export async function addresseeGroups(db: Executor): Promise<{ recommendation_id: number; group_id: number | null; organisation_group_id: number | null }[]> {
  return db
    .selectFrom('recommendation_addressees as ra')
    .leftJoin('organisations as o', 'o.id', 'ra.organisation_id')
    .select(['ra.recommendation_id', 'ra.group_id', 'o.group_id as organisation_group_id'])
    .execute()
}

export async function recommendationCountInReport(db: Executor, reportId: number): Promise<number> {
  const row = await db.selectFrom('recommendations').select((eb) => eb.fn.countAll<number>().as('n')).where('report_id', '=', reportId).executeTakeFirstOrThrow()
  return row.n
}

export async function recommendationIdByNumber(db: Executor, reportId: number, number: string): Promise<number | undefined> {
  return (await db.selectFrom('recommendations').select('id').where('report_id', '=', reportId).where('number', '=', number).executeTakeFirst())?.id
}

export interface RecommendationValues {
  title: string
  text: string
  theme: string | null
}

export async function updateRecommendation(db: Executor, id: number, values: RecommendationValues): Promise<void> {
  await db.updateTable('recommendations').set(values).where('id', '=', id).execute()
}

export async function insertRecommendation(db: Executor, values: RecommendationValues & { report_id: number; number: string; position: number }): Promise<number> {
  return (await db.insertInto('recommendations').values(values).returning('id').executeTakeFirstOrThrow()).id
}

export async function clearAddressees(db: Executor, recommendationId: number): Promise<void> {
  await db.deleteFrom('recommendation_addressees').where('recommendation_id', '=', recommendationId).execute()
}

export async function insertAddressee(db: Executor, recommendationId: number, addressee: { organisation_id: number | null; group_id: number | null }): Promise<void> {
  await db.insertInto('recommendation_addressees').values({ recommendation_id: recommendationId, ...addressee }).execute()
}

export async function recommendationNumberById(db: Executor, id: number): Promise<{ id: number; number: string } | undefined> {
  return db.selectFrom('recommendations').select(['id', 'number']).where('id', '=', id).executeTakeFirst()
}

/** Every recommendation's id, number and title in report then register order; only the one asked for when given. */
export async function recommendationsInOrder(db: Executor, onlyId?: number): Promise<{ id: number; number: string; title: string }[]> {
  let query = db.selectFrom('recommendations').select(['id', 'number', 'title']).orderBy('report_id').orderBy('position')
  if (onlyId !== undefined) query = query.where('id', '=', onlyId)
  return query.execute()
}

export async function allRecommendationIds(db: Executor): Promise<{ id: number }[]> {
  return db.selectFrom('recommendations').select('id').execute()
}

/** The id and number of every recommendation in one report. */
export async function recommendationNumbersOfReport(db: Executor, reportId: number): Promise<{ id: number; number: string }[]> {
  return db.selectFrom('recommendations').select(['id', 'number']).where('report_id', '=', reportId).execute()
}
