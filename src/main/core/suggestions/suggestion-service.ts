// Offline suggestions: which recommendations a letter (or a selected passage) most likely speaks
// to, with the words that match and why; accept (creates the link) and reject (remembered for
// that letter); and the reverse, the unlinked passages most likely about one recommendation.
import { DEFAULT_SUGGESTIONS } from '../../../shared/api/suggestions'
import type { LinkView } from '../../../shared/domain/dto'
import type { PassageSuggestionView, SuggestionList, SuggestionView } from '../../../shared/domain/review-dto'
import { AppError } from '../../../shared/api/errors'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import { retryOnUniqueViolation } from '../db/unique-violation'
import { ChangeRecorder } from '../history/changes'
import { fullTextOf } from '../search/full-text-of'
import { createLink, listLinksForLetter, requireLetter, requireRecommendation } from '../links/link-service'
import { createPassage } from '../links/passage-service'
import { rankRecommendations, whyLine, type Ranked } from './rank'
import { recommendationIndex } from './recommendation-index'
import { letterSegments, sentenceSpans } from './segments'
import * as suggestions from './suggestion-repository'

/** Below this displayed score (raw ≈ 5.3) a suggestion is a guess: offered only on "Show more". */
export const CONFIDENT_SCORE = 0.4
/** …and so is one scoring under this share of the best suggestion's score for the letter. */
const CONFIDENT_SHARE = 0.4
/** Ranked before the confidence cut, so that `more` can say how many lie beyond it. */
const ALL_SUGGESTIONS = 50


async function letterForSuggesting(ctx: CoreContext, letterId: number) {
  const letter = await suggestions.findLetterToSuggestFor(ctx.db, letterId)
  if (!letter) throw new AppError('not_found', `There is no letter with id ${letterId}.`)
  return letter
}

function toView(text: string, ranked: Ranked): SuggestionView {
  return {
    recommendationId: ranked.recommendation.id,
    recommendationNumber: ranked.recommendation.number,
    recommendationTitle: ranked.recommendation.title,
    score: ranked.score,
    passage: ranked.passage && { ...ranked.passage, text: text.slice(ranked.passage.start, ranked.passage.end) },
    why: whyLine(ranked.reasons),
    reasons: ranked.reasons,
  }
}

/** Best first; leaves out recommendations already linked to the letter and those rejected for it. */
export { DEFAULT_SUGGESTIONS }

export async function suggestForLetter(ctx: CoreContext, letterId: number, limit = DEFAULT_SUGGESTIONS, confident = true): Promise<SuggestionView[]> {
  return (await suggestionsForLetter(ctx, { letterId, limit, confident })).items
}

/**
 * The letter's suggestions: by default only the confident ones (at least CONFIDENT_SCORE, and not
 * far behind the best), at most `limit`; `confident: false` gives the best `limit` whatever their
 * score. `more` counts the rest, for a "Show more".
 */
export async function suggestionsForLetter(ctx: CoreContext, input: { letterId: number; limit?: number | undefined; confident?: boolean | undefined }): Promise<SuggestionList> {
  const all = await rankForLetter(ctx, input.letterId)
  const limit = input.limit ?? DEFAULT_SUGGESTIONS
  const top = all[0]?.score ?? 0
  const shown = (input.confident ?? true) ? all.filter((s) => s.score >= CONFIDENT_SCORE && s.score >= CONFIDENT_SHARE * top) : all
  const items = shown.slice(0, limit)
  return { items, more: all.length - items.length }
}

async function rankForLetter(ctx: CoreContext, letterId: number): Promise<SuggestionView[]> {
  const letter = await letterForSuggesting(ctx, letterId)
  const linked = await suggestions.linkedRecommendationIds(ctx.db, letterId)
  const index = await recommendationIndex(ctx.db)
  const ranked = rankRecommendations(index, {
    text: letter.body_text,
    segments: letterSegments(letter.body_text),
    senderOrganisationId: letter.organisation_id,
    exclude: new Set([...linked, ...(await suggestions.rejectedRecommendationIds(ctx.db, letterId))]),
    limit: ALL_SUGGESTIONS,
  })
  return ranked.map((r) => toView(letter.body_text, r))
}

/** For a selection: the recommendations it most likely speaks to (not those it is already linked to). */
export async function suggestForPassage(ctx: CoreContext, input: { letterId: number; start: number; end: number; limit?: number | undefined }): Promise<SuggestionView[]> {
  const letter = await letterForSuggesting(ctx, input.letterId)
  if (input.start < 0 || input.end > letter.body_text.length || input.start >= input.end) {
    throw new AppError('invalid_input', `The selection ${input.start}–${input.end} is outside the letter's text (0–${letter.body_text.length}); select the words again.`)
  }
  const span = { start: input.start, end: input.end }
  const samePassage = await suggestions.recommendationIdsLinkedAt(ctx.db, input.letterId, input.start, input.end)
  const index = await recommendationIndex(ctx.db)
  const ranked = rankRecommendations(index, {
    text: letter.body_text,
    segments: [{ ...span, sentences: sentenceSpans(letter.body_text, span) }],
    senderOrganisationId: letter.organisation_id,
    exclude: new Set([...samePassage, ...(await suggestions.rejectedRecommendationIds(ctx.db, input.letterId))]),
    limit: input.limit ?? DEFAULT_SUGGESTIONS,
  })
  // Citations are looked for in the selection only: a number cited elsewhere in the letter says nothing about it.
  return ranked
    .filter((r) => !r.reasons.some((reason) => reason.kind === 'cited') || citesWithin(letter.body_text, span, r.recommendation.number))
    .map((r) => ({ ...toView(letter.body_text, r), passage: { ...span, text: letter.body_text.slice(span.start, span.end) } }))
}

function citesWithin(text: string, span: { start: number; end: number }, number: string): boolean {
  return new RegExp(String.raw`recommendations?\b[^.]*\b${number.replace(/[^0-9a-z]/gi, '')}\b`, 'i').test(text.slice(span.start, span.end))
}

export interface AcceptInput {
  letterId: number
  recommendationId: number
  /** The suggested passage (or the person's own selection); without offsets the whole letter is linked. */
  start?: number | undefined
  end?: number | undefined
  note?: string | undefined
}

export async function acceptSuggestion(ctx: CoreContext, input: AcceptInput): Promise<LinkView> {
  if (input.start === undefined || input.end === undefined) {
    return createLink(ctx, { letterId: input.letterId, recommendationId: input.recommendationId, note: input.note })
  }
  const passage = await createPassage(ctx, { letterId: input.letterId, start: input.start, end: input.end, recommendationIds: [input.recommendationId], note: input.note })
  const link = (await listLinksForLetter(ctx, input.letterId)).find((l) => l.passageId === passage.id && l.recommendationId === input.recommendationId)
  if (!link) throw new Error('accepted link vanished after commit')
  return link
}

export async function rejectSuggestion(ctx: CoreContext, input: { letterId: number; recommendationId: number }): Promise<{ rejected: true }> {
  await retryOnUniqueViolation(() =>
    ctx.db.transaction().execute(async (trx) => {
      await requireLetter(trx, input.letterId)
      const recommendation = await requireRecommendation(trx, input.recommendationId)
      if (await suggestions.findRejection(trx, input.letterId, input.recommendationId)) return
      const recorder = new ChangeRecorder(trx)
      const values = { letter_id: input.letterId, recommendation_id: input.recommendationId, rejected_by: ctx.actor, rejected_at: ctx.now() }
      const id = await recorder.insert('suggestion_rejections', values)
      await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: 'Rejected suggestion', entity: 'letter', entityId: input.letterId, after: { ...values, id, number: recommendation.number }, changes: recorder.changes })
    }),
  )
  return { rejected: true }
}

/** How many letters the full-text search hands on to be read paragraph by paragraph. */
const REVERSE_CANDIDATES = 80
const REVERSE_TERMS = 8
/** Matching letters (newest first) among which full-text ranking picks the candidates. */
const REVERSE_WINDOW = 3_000

/**
 * The reverse: incoming letters not linked to this recommendation (nor rejected for it) whose
 * passages most likely speak to it. Full-text search on the recommendation's most telling stems
 * (as prefixes, since letters are indexed unstemmed) picks candidate letters cheaply; those are
 * then scored paragraph by paragraph like any suggestion.
 */
export async function suggestPassagesForRecommendation(ctx: CoreContext, input: { recommendationId: number; limit?: number | undefined }): Promise<PassageSuggestionView[]> {
  const index = await recommendationIndex(ctx.db)
  const recommendation = index.recommendations.find((r) => r.id === input.recommendationId)
  if (!recommendation) throw new AppError('not_found', `There is no recommendation with id ${input.recommendationId}.`)
  const terms = [...recommendation.termFreq.entries()]
    .map(([term, tf]) => ({ term, weight: (index.idf.get(term) ?? 0) * tf }))
    .filter((t) => /^[\p{L}\p{N}]{3,}$/u.test(t.term))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, REVERSE_TERMS)
  if (terms.length === 0) return []
  const match = terms.map((t) => `"${t.term}" *`).join(' OR ')
  const candidates = await suggestions.candidateLettersFor(ctx.db, fullTextOf(ctx), { match, recommendationId: recommendation.id, window: REVERSE_WINDOW, limit: REVERSE_CANDIDATES })
  const only = new Set([recommendation.id])
  const found: PassageSuggestionView[] = []
  for (const letter of candidates) {
    const [best] = rankRecommendations(index, { text: letter.body_text, segments: letterSegments(letter.body_text), senderOrganisationId: letter.organisation_id, exclude: new Set(), only, limit: 1 })
    if (!best?.passage) continue
    found.push({
      letterId: letter.id,
      organisation: letter.organisation,
      date: letter.letter_date,
      subject: letter.subject,
      start: best.passage.start,
      end: best.passage.end,
      text: letter.body_text.slice(best.passage.start, best.passage.end),
      score: best.score,
      why: whyLine(best.reasons),
    })
  }
  return found.sort((a, b) => b.score - a.score || a.letterId - b.letterId).slice(0, input.limit ?? 10)
}
