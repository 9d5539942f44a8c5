// Links between letters (or passages of them) and recommendations: the evidence of progress.
// Every change goes through a ChangeRecorder so that it is audited with the rows it touched and
// can be undone.
import type { LinkView } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import type { Trx } from '../db/database'
import { retryOnUniqueViolation } from '../db/unique-violation'
import { ChangeRecorder } from '../history/changes'
import { contextOf } from './anchor'
import * as links from './link-repository'
import { livePassages } from './passage-queries'

export interface LinkInput {
  letterId: number
  recommendationId: number
  /** Words of the letter to link; found in its text and kept as a passage. */
  quote?: string | undefined
  /** An existing passage of the letter to link to another recommendation. */
  passageId?: number | undefined
  note?: string | undefined
}

export async function createLink(ctx: CoreContext, input: LinkInput): Promise<LinkView> {
  // Two people linking the same words to the same recommendation at once: the unique index lets
  // one in; the other runs again and is told the link exists, as if it had come second.
  const linkId = await retryOnUniqueViolation(() => insertLink(ctx, input))
  return getLink(ctx, input.letterId, linkId)
}

async function insertLink(ctx: CoreContext, input: LinkInput): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const recorder = new ChangeRecorder(trx)
    const letter = await requireLetter(trx, input.letterId)
    const recommendation = await requireRecommendation(trx, input.recommendationId)

    let passageId: number | null = null
    const quote = input.quote?.trim()
    if (input.passageId !== undefined) {
      const passage = await links.findPassageOwner(trx, input.passageId)
      if (!passage || passage.letter_id !== letter.id) throw new AppError('not_found', `Letter ${letter.id} has no passage with id ${input.passageId}.`)
      passageId = passage.id
    } else if (quote) {
      const start = letter.body_text.indexOf(quote)
      if (start < 0) throw new AppError('invalid_input', 'The quoted passage is not in the text of that letter; select the words in the letter and try again.')
      passageId = await findOrCreatePassage(ctx, trx, recorder, letter, start, start + quote.length)
    }
    await refuseDuplicate(trx, letter.id, passageId, recommendation)
    const values = { letter_id: letter.id, passage_id: passageId, recommendation_id: recommendation.id, note: cleanNote(input.note), created_by: ctx.actor, created_at: ctx.now() }
    const id = await recorder.insert('links', values)
    await writeAudit(trx, {
      at: ctx.now(),
      actor: ctx.actor,
      action: passageId === null ? 'Linked letter' : 'Linked passage',
      entity: 'link',
      entityId: id,
      after: { ...values, number: recommendation.number, quote: passageId === null ? null : await links.quoteOfPassage(trx, passageId) },
      changes: recorder.changes,
    })
    return id
  })
}

export interface LinkUpdate {
  id: number
  /** A new note; null or "" removes it; leave out to keep it. */
  note?: string | null | undefined
  /** Points the link at another recommendation. */
  recommendationId?: number | undefined
}

export async function updateLink(ctx: CoreContext, input: LinkUpdate): Promise<LinkView> {
  const letterId = await ctx.db.transaction().execute(async (trx) => {
    const recorder = new ChangeRecorder(trx)
    const link = await links.findLink(trx, input.id)
    if (!link) throw new AppError('not_found', `There is no link with id ${input.id}; it may have been removed.`)
    const set: { note?: string | null; recommendation_id?: number } = {}
    if (input.note !== undefined) set.note = cleanNote(input.note ?? undefined)
    if (input.recommendationId !== undefined && input.recommendationId !== link.recommendation_id) {
      const recommendation = await requireRecommendation(trx, input.recommendationId)
      await refuseDuplicate(trx, link.letter_id, link.passage_id, recommendation)
      set.recommendation_id = recommendation.id
    }
    await recorder.update('links', link.id, set)
    if (recorder.changes.length > 0) {
      await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: 'Edited link', entity: 'link', entityId: link.id, before: link, after: { ...link, ...set }, changes: recorder.changes })
    }
    return link.letter_id
  })
  return getLink(ctx, letterId, input.id)
}

export async function removeLink(ctx: CoreContext, id: number): Promise<{ removed: true }> {
  await ctx.db.transaction().execute(async (trx) => {
    const recorder = new ChangeRecorder(trx)
    const link = await links.findLink(trx, id)
    if (!link) throw new AppError('not_found', `There is no link with id ${id}; it may have been removed already.`)
    await removeLinkRows(trx, recorder, link.id)
    // A passage exists to be linked: the last link gone, the highlight goes too.
    if (link.passage_id !== null) {
      if (!(await links.passageHasLinks(trx, link.passage_id))) await recorder.delete('passages', link.passage_id)
    }
    await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: 'Removed link', entity: 'link', entityId: id, before: link, changes: recorder.changes })
  })
  return { removed: true }
}

/** Deletes a link and the evidence entries that cite it, recording both (the database would cascade silently). */
export async function removeLinkRows(trx: Trx, recorder: ChangeRecorder, linkId: number): Promise<void> {
  for (const id of await links.evidenceIdsOfLink(trx, linkId)) await recorder.delete('assessment_evidence', id)
  await recorder.delete('links', linkId)
}

export async function listLinksForLetter(ctx: CoreContext, letterId: number): Promise<LinkView[]> {
  const rows = await links.linksOfLetter(ctx.db, letterId)
  const places = rows.some((r) => r.passageId !== null) ? await livePassages(ctx.db, letterId) : new Map()
  return rows.map((row) => {
    const place = row.passageId === null ? undefined : places.get(row.passageId)
    return { ...row, start: place?.start ?? null, end: place?.end ?? null, anchor: place?.state ?? null }
  })
}

async function getLink(ctx: CoreContext, letterId: number, linkId: number): Promise<LinkView> {
  const link = (await listLinksForLetter(ctx, letterId)).find((l) => l.id === linkId)
  if (!link) throw new Error(`link ${linkId} vanished after commit`)
  return link
}

export async function requireLetter(trx: Trx, id: number) {
  const letter = await links.findLetterText(trx, id)
  if (!letter) throw new AppError('not_found', `There is no letter with id ${id}.`)
  return letter
}

export async function requireRecommendation(trx: Trx, id: number) {
  const recommendation = await links.findRecommendationNumber(trx, id)
  if (!recommendation) throw new AppError('not_found', `There is no recommendation with id ${id}.`)
  return recommendation
}

/** The passage at exactly these offsets, or a new one with its quote and surrounding context. */
export async function findOrCreatePassage(ctx: CoreContext, trx: Trx, recorder: ChangeRecorder, letter: { id: number; body_text: string }, start: number, end: number): Promise<number> {
  const existing = await links.findPassageAt(trx, letter.id, start, end)
  if (existing) return existing.id
  const quote = letter.body_text.slice(start, end)
  return recorder.insert('passages', { letter_id: letter.id, start_offset: start, end_offset: end, quote, ...contextOf(letter.body_text, start, end), created_at: ctx.now() })
}

async function refuseDuplicate(trx: Trx, letterId: number, passageId: number | null, recommendation: { id: number; number: string }): Promise<void> {
  if (await links.findSameLink(trx, letterId, passageId, recommendation.id)) {
    throw new AppError('conflict', passageId === null ? `This letter is already linked to recommendation ${recommendation.number}.` : `This passage is already linked to recommendation ${recommendation.number}.`)
  }
}

function cleanNote(note: string | undefined): string | null {
  return note?.replace(/\r\n?/g, '\n').trim() || null
}
