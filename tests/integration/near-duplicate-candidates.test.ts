// Near-duplicate candidates when a band is boilerplate: a band key shared by hundreds of letters
// (a letterhead, a campaign's template) is read only as far as its newest letters, so an import's
// lookup stays bounded at any archive size — and an older letter that truly is a near-duplicate is
// still found through the rarer bands it shares.
import { afterEach, beforeEach, expect, it } from 'vitest'
import { CANDIDATES_PER_BAND, insertFingerprint, lettersSharingBands } from '../../src/main/core/letters/near-duplicate-repository'
import { bandKeys, SIGNATURE_SIZE, toBlob } from '../../src/main/core/letters/fingerprint'
import { findNearDuplicate } from '../../src/main/core/letters/near-duplicates'
import { addLetter } from '../support/review-support'
import { runSql } from '../support/raw-sql'
import { createTestCore, type TestCore } from '../support/test-core'

let core: TestCore
beforeEach(async () => {
  core = await createTestCore()
})
afterEach(async () => {
  await core.close()
})

const signature = (value: (i: number) => number) => Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => value(i))
const original = signature((i) => 1_000 + i)

async function letterWith(sig: Uint32Array, text: string): Promise<number> {
  const id = await addLetter(core, { text })
  await insertFingerprint(core.ctx.db, id, toBlob(sig), bandKeys(sig))
  return id
}

it('finds an older near-duplicate although its first band is shared by many newer letters', async () => {
  const originalId = await letterWith(original, 'The original letter.')
  // Newer letters with the original's first band (its first four values) and nothing else in common.
  const crowd = CANDIDATES_PER_BAND * 3
  for (let k = 0; k < crowd; k++) await letterWith(signature((i) => (i < 4 ? original[i]! : 1_000_000 + k * SIGNATURE_SIZE + i)), `Template letter ${k}.`)

  // Three quarters of the original's values: twelve of its sixteen bands, the crowded one among them.
  const resent = signature((i) => (i < 48 ? original[i]! : 9_000_000 + i))
  const candidates = await lettersSharingBands(core.ctx.db, bandKeys(resent), 50)
  expect(candidates[0]?.letterId).toBe(originalId)
  expect(candidates.length).toBe(50)
  expect(await findNearDuplicate(core.ctx.db, resent)).toEqual({ letterId: originalId, similarity: 0.75 })

  // In the bin, it is no longer a candidate; the crowd shares too little to be offered instead.
  await runSql(core, `UPDATE letters SET deleted_at = '2021-08-01T09:00:00.000Z' WHERE id = ?`, originalId)
  expect((await lettersSharingBands(core.ctx.db, bandKeys(resent), 50)).map((c) => c.letterId)).not.toContain(originalId)
  expect(await findNearDuplicate(core.ctx.db, resent)).toBeNull()
})

it('reads only the newest letters of a crowded band', async () => {
  const crowd = CANDIDATES_PER_BAND + 10
  const ids: number[] = []
  for (let k = 0; k < crowd; k++) ids.push(await letterWith(signature((i) => (i < 4 ? 7 : 2_000_000 + k * SIGNATURE_SIZE + i)), `Campaign letter ${k}.`))
  const probe = signature((i) => (i < 4 ? 7 : 5_000_000 + i))
  const candidates = await lettersSharingBands(core.ctx.db, bandKeys(probe), crowd)
  expect(candidates.map((c) => c.letterId).sort((a, b) => a - b)).toEqual(ids.slice(-CANDIDATES_PER_BAND))
})
