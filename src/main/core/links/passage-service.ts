// Highlighted passages: created from a selection (offsets) and linked to one or more
// recommendations at once; removed with their links; re-anchored when the letter's text changes.
import type { PassageView, ReanchorReport } from '../../../shared/domain/review-dto'
import { AppError } from '../../../shared/api/errors'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import { retryOnUniqueViolation } from '../db/unique-violation'
import { ChangeRecorder } from '../history/changes'
import { contextOf } from './anchor'
import { linkIdsOfPassage, recommendationIdsOfPassage } from './link-repository'
import { findOrCreatePassage, removeLinkRows, requireLetter, requireRecommendation } from './link-service'
import { listPassages, locate } from './passage-queries'
import { findPassage, storedPassagesOfLetter } from './passage-repository'

export const MAX_PASSAGE_CHARS = 10_000

export interface PassageInput {
  letterId: number
  start: number
  end: number
  recommendationIds: number[]
  note?: string | undefined
}

export async function createPassage(ctx: CoreContext, input: PassageInput): Promise<PassageView> {
  const passageId = await retryOnUniqueViolation(() =>
    ctx.db.transaction().execute(async (trx) => {
      const recorder = new ChangeRecorder(trx)
      const letter = await requireLetter(trx, input.letterId)
      const [start, end] = trimSelection(letter.body_text, input.start, input.end)
      if (end - start > MAX_PASSAGE_CHARS) throw new AppError('invalid_input', `A passage can be at most ${MAX_PASSAGE_CHARS.toLocaleString('en-GB')} characters; select fewer words or link the whole letter.`)
      const recommendations = []
      for (const id of new Set(input.recommendationIds)) recommendations.push(await requireRecommendation(trx, id))
      const passageId = await findOrCreatePassage(ctx, trx, recorder, letter, start, end)
      const already = new Set(await recommendationIdsOfPassage(trx, passageId))
      const fresh = recommendations.filter((r) => !already.has(r.id))
      if (fresh.length === 0) {
        throw new AppError('conflict', `This passage is already linked to ${recommendations.length === 1 ? `recommendation ${recommendations[0]!.number}` : 'those recommendations'}.`)
      }
      const note = input.note?.replace(/\r\n?/g, '\n').trim() || null
      for (const recommendation of fresh) {
        await recorder.insert('links', { letter_id: letter.id, passage_id: passageId, recommendation_id: recommendation.id, note, created_by: ctx.actor, created_at: ctx.now() })
      }
      await writeAudit(trx, {
        at: ctx.now(),
        actor: ctx.actor,
        action: 'Linked passage',
        entity: 'passage',
        entityId: passageId,
        after: { letterId: letter.id, quote: letter.body_text.slice(start, end), recommendations: fresh.map((r) => r.number), note },
        changes: recorder.changes,
      })
      return passageId
    }),
  )
  return (await listPassages(ctx.db, input.letterId)).find((p) => p.id === passageId)!
}

export async function removePassage(ctx: CoreContext, id: number): Promise<{ removed: true }> {
  await ctx.db.transaction().execute(async (trx) => {
    const recorder = new ChangeRecorder(trx)
    const passage = await findPassage(trx, id)
    if (!passage) throw new AppError('not_found', `There is no passage with id ${id}; it may have been removed already.`)
    for (const linkId of await linkIdsOfPassage(trx, id)) await removeLinkRows(trx, recorder, linkId)
    await recorder.delete('passages', id)
    await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: 'Removed passage', entity: 'passage', entityId: id, before: passage, changes: recorder.changes })
  })
  return { removed: true }
}

/**
 * Finds every passage of the letter in its current text and stores where it is now. Call after
 * the letter's text has changed; passages not found are kept (marked lost) and reported.
 */
export async function reanchorLetter(ctx: CoreContext, letterId: number): Promise<ReanchorReport> {
  const counts = await ctx.db.transaction().execute(async (trx) => {
    const recorder = new ChangeRecorder(trx)
    const letter = await requireLetter(trx, letterId)
    const passages = await storedPassagesOfLetter(trx, letterId)
    const counts = { passages: passages.length, moved: 0, fuzzy: 0 }
    for (const passage of passages) {
      const place = locate(letter.body_text, passage)
      if (place.state === 'lost') {
        await recorder.update('passages', passage.id, { anchor: 'lost' })
        continue
      }
      const moved = place.start !== passage.start_offset || place.end !== passage.end_offset || place.quote !== passage.quote
      if (!moved) continue
      if (place.state === 'fuzzy') counts.fuzzy++
      else counts.moved++
      await recorder.update('passages', passage.id, {
        start_offset: place.start,
        end_offset: place.end,
        quote: place.quote,
        ...contextOf(letter.body_text, place.start, place.end),
        anchor: place.state === 'exact' ? 'moved' : place.state,
      })
    }
    if (recorder.changes.length > 0) {
      await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: 'Re-anchored passages', entity: 'letter', entityId: letterId, after: counts, changes: recorder.changes })
    }
    return counts
  })
  const lost = (await listPassages(ctx.db, letterId)).filter((p) => p.anchor === 'lost')
  return { letterId, ...counts, lost }
}

/** Selections often catch a space or line break at either end; the passage is the words. */
function trimSelection(text: string, start: number, end: number): [number, number] {
  if (start < 0 || end > text.length || start >= end) {
    throw new AppError('invalid_input', `The selection ${start}–${end} is outside the letter's text (0–${text.length}); select the words again.`)
  }
  let s = start
  let e = end
  while (s < e && /\s/.test(text[s]!)) s++
  while (e > s && /\s/.test(text[e - 1]!)) e--
  if (s === e) throw new AppError('invalid_input', 'The selection holds no words; select the words to link.')
  return [s, e]
}
