// The SQL of commitments: the letters they are offered from, the offers already decided, and the
// commitments themselves with their letters, organisations and recommendations. The rules, errors,
// audit and transactions stay in commitment-service.ts.
import { sql } from 'kysely'
import type { CommitmentStatus } from '../../../shared/domain/review-dto'
import type { Executor } from '../db/database'

/** The letter's text and date, with the name of the organisation that sent it. */
export async function findLetterWithOrganisation(db: Executor, id: number) {
  return db
    .selectFrom('letters as l')
    .leftJoin('organisations as o', 'o.id', 'l.organisation_id')
    .select(['l.id', 'l.body_text', 'l.letter_date', 'o.name as organisation'])
    .where('l.id', '=', id)
    .where('l.deleted_at', 'is', null)
    .executeTakeFirst()
}

export async function findLetterText(db: Executor, id: number) {
  return db.selectFrom('letters').select(['id', 'body_text']).where('id', '=', id).executeTakeFirst()
}

export async function recommendationExists(db: Executor, id: number): Promise<boolean> {
  return (await db.selectFrom('recommendations').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
}

/**
 * Incoming letters dated within the days given (either end may be open), oldest first. A letter
 * date may carry a time, so the end is compared with its day: SQLite's substr on the ISO text.
 */
export async function incomingLetterIdsDated(db: Executor, range: { from: string | null; to: string | null }): Promise<number[]> {
  let query = db.selectFrom('letters').select('id').where('direction', '=', 'incoming').where('deleted_at', 'is', null).where('letter_date', 'is not', null)
  if (range.from) query = query.where('letter_date', '>=', range.from)
  if (range.to) query = query.where(sql<string>`substr(letter_date, 1, 10)`, '<=', range.to)
  return (await query.orderBy('letter_date').execute()).map((r) => r.id)
}

/** Where in the letter commitments have been accepted or dismissed. */
export async function decidedSpansOfLetter(db: Executor, letterId: number) {
  return db.selectFrom('commitments').select(['start_offset', 'end_offset']).where('letter_id', '=', letterId).execute()
}

/** The recommendations the letter is linked to, with the passage's offsets (null: the whole letter). */
export async function linkedRecommendationsWithPlaces(db: Executor, letterId: number) {
  return db
    .selectFrom('links as k')
    .innerJoin('recommendations as r', 'r.id', 'k.recommendation_id')
    .leftJoin('passages as p', 'p.id', 'k.passage_id')
    .select(['r.id', 'r.number', 'p.start_offset', 'p.end_offset'])
    .where('k.letter_id', '=', letterId)
    .execute()
}

export async function findCommitment(db: Executor, id: number) {
  return db.selectFrom('commitments').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The commitment decided for exactly these words of the letter, if any. */
export async function findCommitmentAt(db: Executor, letterId: number, start: number, end: number) {
  return db.selectFrom('commitments').selectAll().where('letter_id', '=', letterId).where('start_offset', '=', start).where('end_offset', '=', end).executeTakeFirst()
}

export interface CommitmentRowFilter {
  /** One commitment, whatever its status; else `status`, else all but dismissed ones. */
  id?: number | undefined
  status?: CommitmentStatus | undefined
  letterId?: number | undefined
  organisationId?: number | undefined
  /** Due on or before this day. */
  dueBy?: string | null | undefined
  /** Due on or after this day, or still open. */
  dueFromOrOpen?: string | null | undefined
}

/** Commitments with their letters, senders and recommendations, soonest due first. */
export async function commitmentRows(db: Executor, filter: CommitmentRowFilter) {
  let query = db
    .selectFrom('commitments as c')
    .innerJoin('letters as l', 'l.id', 'c.letter_id')
    .leftJoin('organisations as o', 'o.id', 'l.organisation_id')
    .leftJoin('stakeholder_groups as g', 'g.id', 'o.group_id')
    .leftJoin('recommendations as r', 'r.id', 'c.recommendation_id')
    .select([
      'c.id',
      'c.letter_id as letterId',
      'o.name as organisation',
      'g.name as group',
      'l.letter_date as letterDate',
      'l.subject',
      'c.start_offset as start',
      'c.end_offset as end',
      'c.text',
      'c.due_on as dueOn',
      'c.due_text as dueText',
      'c.recommendation_id as recommendationId',
      'r.number as recommendationNumber',
      'c.status',
      'c.note',
      'c.created_at as createdAt',
      'c.updated_at as updatedAt',
    ])
  // Promises in a binned letter are listed nowhere until it is restored (the id asks for one row, wherever it is).
  if (filter.id === undefined) query = query.where('l.deleted_at', 'is', null)
  if (filter.id !== undefined) query = query.where('c.id', '=', filter.id)
  else if (filter.status) query = query.where('c.status', '=', filter.status)
  else query = query.where('c.status', '!=', 'dismissed')
  if (filter.letterId !== undefined) query = query.where('c.letter_id', '=', filter.letterId)
  if (filter.organisationId !== undefined) query = query.where('l.organisation_id', '=', filter.organisationId)
  if (filter.dueBy) query = query.where('c.due_on', '<=', filter.dueBy)
  const from = filter.dueFromOrOpen
  if (from) query = query.where((eb) => eb.or([eb('c.due_on', '>=', from), eb('c.status', '=', 'open')]))
  return query.orderBy('c.due_on').orderBy('c.id').execute()
}
