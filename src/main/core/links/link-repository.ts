// The SQL of links between letters (or passages of them) and recommendations. The rules (what may
// be linked, the errors, auditing, undo) stay in link-service.ts, which owns the transaction.
import type { Executor } from '../db/database'

export async function findLink(db: Executor, id: number) {
  return db.selectFrom('links').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The letter and its text, for linking words of it. */
/** A letter to link or highlight; a letter in the bin is not offered. */
export async function findLetterText(db: Executor, id: number) {
  return db.selectFrom('letters').select(['id', 'body_text']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
}

export async function findRecommendationNumber(db: Executor, id: number) {
  return db.selectFrom('recommendations').select(['id', 'number']).where('id', '=', id).executeTakeFirst()
}

/** A passage with the letter it belongs to. */
export async function findPassageOwner(db: Executor, id: number) {
  return db.selectFrom('passages').select(['id', 'letter_id']).where('id', '=', id).executeTakeFirst()
}

/** The passage of the letter at exactly these offsets, if one is stored. */
export async function findPassageAt(db: Executor, letterId: number, start: number, end: number) {
  return db.selectFrom('passages').select('id').where('letter_id', '=', letterId).where('start_offset', '=', start).where('end_offset', '=', end).executeTakeFirst()
}

export async function quoteOfPassage(db: Executor, passageId: number): Promise<string | null> {
  return (await db.selectFrom('passages').select('quote').where('id', '=', passageId).executeTakeFirst())?.quote ?? null
}

/** A link of the letter (or of that passage of it; null: of the whole letter) to the recommendation. */
export async function findSameLink(db: Executor, letterId: number, passageId: number | null, recommendationId: number) {
  let query = db.selectFrom('links').select('id').where('letter_id', '=', letterId).where('recommendation_id', '=', recommendationId)
  query = passageId === null ? query.where('passage_id', 'is', null) : query.where('passage_id', '=', passageId)
  return query.executeTakeFirst()
}

/** Whether any link still points at the passage. */
export async function passageHasLinks(db: Executor, passageId: number): Promise<boolean> {
  return (await db.selectFrom('links').select('id').where('passage_id', '=', passageId).executeTakeFirst()) !== undefined
}

export async function linkIdsOfPassage(db: Executor, passageId: number): Promise<number[]> {
  return (await db.selectFrom('links').select('id').where('passage_id', '=', passageId).execute()).map((r) => r.id)
}

export async function recommendationIdsOfPassage(db: Executor, passageId: number): Promise<number[]> {
  return (await db.selectFrom('links').select('recommendation_id').where('passage_id', '=', passageId).execute()).map((r) => r.recommendation_id)
}

/** The assessment evidence entries that cite the link. */
export async function evidenceIdsOfLink(db: Executor, linkId: number): Promise<number[]> {
  return (await db.selectFrom('assessment_evidence').select('id').where('link_id', '=', linkId).execute()).map((r) => r.id)
}

/** The letter's links with their recommendations and quotes, in the report's order. */
export async function linksOfLetter(db: Executor, letterId: number) {
  return db
    .selectFrom('links as k')
    .innerJoin('recommendations as r', 'r.id', 'k.recommendation_id')
    .leftJoin('passages as p', 'p.id', 'k.passage_id')
    .select([
      'k.id',
      'k.letter_id as letterId',
      'k.recommendation_id as recommendationId',
      'r.number as recommendationNumber',
      'r.title as recommendationTitle',
      'p.quote',
      'k.note',
      'k.created_at as createdAt',
      'k.created_by as createdBy',
      'k.passage_id as passageId',
    ])
    .where('k.letter_id', '=', letterId)
    .orderBy('r.position')
    .orderBy('k.id')
    .execute()
}
