// The contract's view of near-duplicates: pairs with both letters summarised, and dismissing a
// pair that a person judged to be two different letters.
import type { NearDuplicatePair } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import { listLetters } from './letter-queries'
import { dismissPair, undismissedPairs } from './near-duplicate-repository'

export async function nearDuplicates(ctx: CoreContext, letterId?: number): Promise<NearDuplicatePair[]> {
  const pairs = await undismissedPairs(ctx.db, letterId)
  const result: NearDuplicatePair[] = []
  for (const pair of pairs) {
    const [letter] = await listLetters(ctx, { id: pair.letterId })
    const [duplicateOf] = await listLetters(ctx, { id: pair.duplicateOf })
    if (letter && duplicateOf) result.push({ letter, duplicateOf, similarity: Math.round(pair.similarity * 100) / 100, foundAt: pair.foundAt })
  }
  return result
}

export async function dismissNearDuplicate(ctx: CoreContext, letterId: number, duplicateOf: number): Promise<{ dismissed: true }> {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await dismissPair(trx, letterId, duplicateOf))) throw new AppError('not_found', `Letters ${letterId} and ${duplicateOf} are not listed as near-duplicates.`)
    await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: 'Marked letters as different', entity: 'letter', entityId: letterId, after: { letterId, duplicateOf } })
  })
  return { dismissed: true }
}
