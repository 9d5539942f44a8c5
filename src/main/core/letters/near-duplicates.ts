// Finding and recording near-duplicates with the fingerprints of fingerprint.ts.
import type { Transaction } from 'kysely'
import type { Db } from '../db/database'
import { groupKeys } from '../db/dialect/grouping'
import type { Database } from '../db/schema'
import { bandKeys, fromBlob, similarity, toBlob } from './fingerprint'

/** Above this estimated Jaccard similarity two letters are offered for merging. */
export const NEAR_DUPLICATE_THRESHOLD = 0.7
const MAX_CANDIDATES = 50

export interface NearMatch {
  letterId: number
  similarity: number
}

/** The most similar letter already held, or null. Reads only letters that share a band key. */
export async function findNearDuplicate(db: Db | Transaction<Database>, signature: Uint32Array): Promise<NearMatch | null> {
  const candidates = await db
    .selectFrom('letter_fingerprint_bands as b')
    .innerJoin('letter_fingerprints as f', 'f.letter_id', 'b.letter_id')
    .select(['b.letter_id as letterId', 'f.signature'])
    .select((eb) => eb.fn.countAll<number>().as('shared'))
    .where('b.band_key', 'in', bandKeys(signature))
    .groupBy(groupKeys(db, ['b.letter_id'], ['f.signature']))
    .orderBy('shared', 'desc')
    .orderBy('b.letter_id')
    .limit(MAX_CANDIDATES)
    .execute()
  let best: NearMatch | null = null
  for (const candidate of candidates) {
    const score = similarity(signature, fromBlob(candidate.signature))
    if (score >= NEAR_DUPLICATE_THRESHOLD && (!best || score > best.similarity)) best = { letterId: candidate.letterId, similarity: score }
  }
  return best
}

export async function storeFingerprint(trx: Transaction<Database>, letterId: number, signature: Uint32Array): Promise<void> {
  await trx.insertInto('letter_fingerprints').values({ letter_id: letterId, signature: toBlob(signature) }).execute()
  await trx
    .insertInto('letter_fingerprint_bands')
    .values(bandKeys(signature).map((band_key) => ({ band_key, letter_id: letterId })))
    .onConflict((oc) => oc.doNothing())
    .execute()
}

export async function recordNearDuplicate(trx: Transaction<Database>, letterId: number, match: NearMatch, at: string): Promise<void> {
  await trx
    .insertInto('near_duplicates')
    .values({ letter_id: letterId, duplicate_of: match.letterId, similarity: match.similarity, found_at: at })
    .onConflict((oc) => oc.doNothing())
    .execute()
}

/** Pairs found on import and not yet merged or dismissed; for one letter, or all. */
export async function listNearDuplicatePairs(db: Db, letterId?: number): Promise<{ letterId: number; duplicateOf: number; similarity: number; foundAt: string }[]> {
  let query = db
    .selectFrom('near_duplicates')
    .select(['letter_id as letterId', 'duplicate_of as duplicateOf', 'similarity', 'found_at as foundAt'])
    .where('dismissed', '=', 0)
  if (letterId !== undefined) query = query.where((eb) => eb.or([eb('letter_id', '=', letterId), eb('duplicate_of', '=', letterId)]))
  return query.orderBy('found_at', 'desc').orderBy('letter_id', 'desc').limit(500).execute()
}
