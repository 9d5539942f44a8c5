// The SQL of near-duplicates: the fingerprints and their band keys, and the pairs found on import.
// The scoring and the threshold stay in near-duplicates.ts; near-duplicate-service.ts owns the audit.
import { sql } from 'kysely'
import type { Executor } from '../db/database'
import { indexedBy } from '../db/dialect/index-hints'

export interface NearDuplicatePairRow {
  letterId: number
  duplicateOf: number
  similarity: number
  foundAt: string
}

/**
 * A band key shared by more letters than this is boilerplate (a letterhead, a standard reply, a
 * campaign's template): only its newest letters are candidates. One lookup then reads at most
 * BANDS × this many rows however large the archive; grouping every letter of such a band made
 * each import 20–70 ms slower at 50 000 letters. A true near-duplicate shares several bands, most
 * of them rarer, so it is still found (tests/integration/near-duplicate-candidates.test.ts).
 */
export const CANDIDATES_PER_BAND = 64

/** Letters outside the bin sharing any of the band keys, most keys shared first, with their stored signatures. */
export async function lettersSharingBands(db: Executor, bandKeys: number[], limit: number): Promise<{ letterId: number; signature: Uint8Array }[]> {
  if (bandKeys.length === 0) return []
  const perBand = bandKeys.map(
    (key, i) => sql`SELECT letter_id FROM (SELECT letter_id FROM letter_fingerprint_bands WHERE band_key = ${key} ORDER BY letter_id DESC LIMIT ${CANDIDATES_PER_BAND}) AS ${sql.ref(`band${i}`)}`,
  )
  // Whether a candidate is in the bin is read from a narrow index: `deleted_at` comes after the
  // letter's text in its row, so reading it from the row reads the text's overflow pages too.
  const { rows } = await sql<{ letterId: number; signature: Uint8Array }>`
    SELECT best.letter_id AS "letterId", f.signature
    FROM (
      SELECT shared.letter_id, shared.bands
      FROM (SELECT letter_id, count(*) AS bands FROM (${sql.join(perBand, sql` UNION ALL `)}) AS candidates GROUP BY letter_id) AS shared
      JOIN letters l ${indexedBy(db, 'letters_search_filters')} ON l.id = shared.letter_id
      WHERE l.deleted_at IS NULL
      ORDER BY shared.bands DESC, shared.letter_id
      LIMIT ${limit}
    ) AS best
    JOIN letter_fingerprints f ON f.letter_id = best.letter_id
    ORDER BY best.bands DESC, best.letter_id`.execute(db)
  return rows
}

export async function insertFingerprint(db: Executor, letterId: number, signature: Uint8Array, bandKeys: number[]): Promise<void> {
  await db.insertInto('letter_fingerprints').values({ letter_id: letterId, signature }).execute()
  await db
    .insertInto('letter_fingerprint_bands')
    .values(bandKeys.map((band_key) => ({ band_key, letter_id: letterId })))
    .onConflict((oc) => oc.doNothing())
    .execute()
}

/** Records the pair unless it is already recorded. */
export async function insertNearDuplicatePair(db: Executor, letterId: number, duplicateOf: number, similarity: number, foundAt: string): Promise<void> {
  await db
    .insertInto('near_duplicates')
    .values({ letter_id: letterId, duplicate_of: duplicateOf, similarity, found_at: foundAt })
    .onConflict((oc) => oc.doNothing())
    .execute()
}

/** Pairs not dismissed, neither letter in the bin, newest first (at most 500); for one letter, or all. */
export async function undismissedPairs(db: Executor, letterId?: number): Promise<NearDuplicatePairRow[]> {
  let query = db
    .selectFrom('near_duplicates')
    .select(['letter_id as letterId', 'duplicate_of as duplicateOf', 'similarity', 'found_at as foundAt'])
    .where('dismissed', '=', 0)
    .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM letters WHERE id IN (near_duplicates.letter_id, near_duplicates.duplicate_of) AND deleted_at IS NOT NULL)`)
  if (letterId !== undefined) query = query.where((eb) => eb.or([eb('letter_id', '=', letterId), eb('duplicate_of', '=', letterId)]))
  return query.orderBy('found_at', 'desc').orderBy('letter_id', 'desc').limit(500).execute()
}

/** Marks the pair dismissed; false when there is no such pair. */
export async function dismissPair(db: Executor, letterId: number, duplicateOf: number): Promise<boolean> {
  const result = await db.updateTable('near_duplicates').set({ dismissed: 1 }).where('letter_id', '=', letterId).where('duplicate_of', '=', duplicateOf).executeTakeFirst()
  return result.numUpdatedRows > 0n
}
