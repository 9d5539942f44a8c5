// The SQL of suggestions: the letter to suggest for, what is already linked or rejected, and the
// candidate letters for the reverse (recommendation → passages). The ranking and the rules stay in
// suggestion-service.ts.
import { sql } from 'kysely'
import type { Executor } from '../db/database'
import type { FullTextSearch } from '../db/full-text'

export async function findLetterToSuggestFor(db: Executor, id: number) {
  return db.selectFrom('letters').select(['id', 'body_text', 'organisation_id']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
}

/** Recommendations a person said the letter does not speak to. */
export async function rejectedRecommendationIds(db: Executor, letterId: number): Promise<number[]> {
  return (await db.selectFrom('suggestion_rejections').select('recommendation_id').where('letter_id', '=', letterId).execute()).map((r) => r.recommendation_id)
}

export async function findRejection(db: Executor, letterId: number, recommendationId: number) {
  return db.selectFrom('suggestion_rejections').select('id').where('letter_id', '=', letterId).where('recommendation_id', '=', recommendationId).executeTakeFirst()
}

/** Recommendations the letter (or any passage of it) is linked to. */
export async function linkedRecommendationIds(db: Executor, letterId: number): Promise<number[]> {
  return (await db.selectFrom('links').select('recommendation_id').where('letter_id', '=', letterId).execute()).map((r) => r.recommendation_id)
}

/** Recommendations the passage at exactly these offsets of the letter is linked to. */
export async function recommendationIdsLinkedAt(db: Executor, letterId: number, start: number, end: number): Promise<number[]> {
  const rows = await db
    .selectFrom('links as k')
    .innerJoin('passages as p', 'p.id', 'k.passage_id')
    .select('k.recommendation_id')
    .where('p.letter_id', '=', letterId)
    .where('p.start_offset', '=', start)
    .where('p.end_offset', '=', end)
    .execute()
  return rows.map((r) => r.recommendation_id)
}

export interface CandidateLetter {
  id: number
  body_text: string
  organisation_id: number | null
  letter_date: string | null
  subject: string | null
  organisation: string | null
}

/**
 * Incoming letters matching the full-text query `match` (SQLite FTS5 syntax), not linked to the
 * recommendation nor rejected for it. As in search, bm25 ranks only the newest `window` matches:
 * an OR of common stems matches most letters. The engine's full-text index finds them.
 */
export async function candidateLettersFor(db: Executor, fullText: FullTextSearch, input: { match: string; recommendationId: number; window: number; limit: number }): Promise<CandidateLetter[]> {
  const { match, recommendationId, window, limit } = input
  const candidates = await sql<CandidateLetter>`
    SELECT l.id, l.body_text, l.organisation_id, l.letter_date, l.subject, o.name AS organisation
    FROM (${fullText.bestLetterHits(match, window, limit * 2)}) AS hit
    JOIN letters l ON l.id = hit.id
    LEFT JOIN organisations o ON o.id = l.organisation_id
    WHERE l.direction = 'incoming' AND l.deleted_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM links k WHERE k.letter_id = l.id AND k.recommendation_id = ${recommendationId})
      AND NOT EXISTS (SELECT 1 FROM suggestion_rejections s WHERE s.letter_id = l.id AND s.recommendation_id = ${recommendationId})
    LIMIT ${limit}`.execute(db)
  return candidates.rows
}
