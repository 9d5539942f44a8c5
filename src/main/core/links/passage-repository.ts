// The SQL of highlighted passages: reading them with their links, for passage-queries.ts and
// passage-service.ts (which keep the anchoring, the rules and the transaction).
import type { Executor } from '../db/database'

/** A passage as stored: where it was last found, its words and their surroundings, and how it was found. */
export interface StoredPassage {
  id: number
  start_offset: number
  end_offset: number
  quote: string
  prefix: string
  suffix: string
  anchor: 'exact' | 'moved' | 'fuzzy' | 'lost'
}

export async function findPassage(db: Executor, id: number) {
  return db.selectFrom('passages').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function letterExists(db: Executor, id: number): Promise<boolean> {
  return (await db.selectFrom('letters').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
}

/** The letter's text now, if there is such a letter. */
export async function letterBodyText(db: Executor, id: number): Promise<string | undefined> {
  return (await db.selectFrom('letters').select('body_text').where('id', '=', id).executeTakeFirst())?.body_text
}

/** The letter's passages where they were last stored, in no particular order. */
export async function storedPassagesOfLetter(db: Executor, letterId: number): Promise<StoredPassage[]> {
  return db.selectFrom('passages').select(['id', 'start_offset', 'end_offset', 'quote', 'prefix', 'suffix', 'anchor']).where('letter_id', '=', letterId).execute()
}

/** The letter's links to passages (not to the whole letter), in the report's order. */
export async function passageLinksOfLetter(db: Executor, letterId: number) {
  return db
    .selectFrom('links as k')
    .innerJoin('recommendations as r', 'r.id', 'k.recommendation_id')
    .select(['k.id as linkId', 'k.passage_id', 'k.recommendation_id as recommendationId', 'r.number as recommendationNumber', 'r.title as recommendationTitle', 'k.note', 'k.created_by as createdBy', 'k.created_at as createdAt'])
    .where('k.letter_id', '=', letterId)
    .where('k.passage_id', 'is not', null)
    .orderBy('r.position')
    .orderBy('k.id')
    .execute()
}
