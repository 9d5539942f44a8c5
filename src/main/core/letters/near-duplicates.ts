// Finding and recording near-duplicates with the fingerprints of fingerprint.ts (the SQL is in
// near-duplicate-repository.ts).
import type { Executor, Trx } from '../db/database'
import { bandKeys, fromBlob, similarity, toBlob } from './fingerprint'
import { insertFingerprint, insertNearDuplicatePair, lettersSharingBands } from './near-duplicate-repository'

/** Above this estimated Jaccard similarity two letters are offered for merging. */
export const NEAR_DUPLICATE_THRESHOLD = 0.7
const MAX_CANDIDATES = 50

export interface NearMatch {
  letterId: number
  similarity: number
}

/** The most similar letter already held, or null. Reads only letters that share a band key. */
export async function findNearDuplicate(db: Executor, signature: Uint32Array): Promise<NearMatch | null> {
  const candidates = await lettersSharingBands(db, bandKeys(signature), MAX_CANDIDATES)
  let best: NearMatch | null = null
  for (const candidate of candidates) {
    const score = similarity(signature, fromBlob(candidate.signature))
    if (score >= NEAR_DUPLICATE_THRESHOLD && (!best || score > best.similarity)) best = { letterId: candidate.letterId, similarity: score }
  }
  return best
}

export async function storeFingerprint(trx: Trx, letterId: number, signature: Uint32Array): Promise<void> {
  await insertFingerprint(trx, letterId, toBlob(signature), bandKeys(signature))
}

export async function recordNearDuplicate(trx: Trx, letterId: number, match: NearMatch, at: string): Promise<void> {
  await insertNearDuplicatePair(trx, letterId, match.letterId, match.similarity, at)
}
