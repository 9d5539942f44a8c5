// The SQL of near-duplicates: the fingerprints and their band keys, and the pairs found on import.
// The scoring and the threshold stay in near-duplicates.ts; near-duplicate-service.ts owns the audit.
import { sql } from 'kysely'
import type { Executor } from '../db/database'
import { groupKeys } from '../db/dialect/grouping'

export interface NearDuplicatePairRow {
  letterId: number
  duplicateOf: number
  similarity: number
  foundAt: string
}

/** Letters outside the bin sharing any of the band keys, most keys shared first, with their stored signatures. */
export async function lettersSharingBands(db: Executor, bandKeys: number[], limit: number) {
  return db
    .selectFrom('letter_fingerprint_bands as b')
    .innerJoin('letter_fingerprints as f', 'f.letter_id', 'b.letter_id')
    .innerJoin('letters as l', 'l.id', 'b.letter_id')
    .select(['b.letter_id as letterId', 'f.signature'])
    .select((eb) => eb.fn.countAll<number>().as('shared'))
    .where('b.band_key', 'in', bandKeys)
    .where('l.deleted_at', 'is', null)
    .groupBy(groupKeys(db, ['b.letter_id'], ['f.signature']))
    .orderBy('shared', 'desc')
    .orderBy('b.letter_id')
    .limit(limit)
    .execute()
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
