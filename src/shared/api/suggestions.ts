// Offline suggestions: which recommendations a letter or a passage most likely speaks to.
import { z } from 'zod'
import type { LinkView } from '../domain/dto'
import type { PassageSuggestionView, SuggestionList, SuggestionView } from '../domain/review-dto'
import { id, limit, method, offset, text } from './define'

/** How many suggestions a letter shows by default: the confident ones, at most this many. */
export const DEFAULT_SUGGESTIONS = 3

export const suggestionsContract = {
  /** Recommendations the letter most likely speaks to, best first, without those already linked
   *  to it or rejected for it: the confident ones, at most `limit` (default 3; up to 100 for the CLI). `confident: false`
   *  gives the best `limit` whatever their score; `more` counts those not given ("Show more"). */
  'suggestions.forLetter': method<SuggestionList>()(z.object({ letterId: id, limit: limit(100), confident: z.boolean().optional() }).strict()),
  /** The same for a selection; `passage` of each is the selection itself. */
  'suggestions.forPassage': method<SuggestionView[]>()(z.object({ letterId: id, start: offset, end: offset, limit: limit(20) }).strict()),
  /** The reverse: unlinked passages of incoming letters most likely about a recommendation (default 10). */
  'suggestions.forRecommendation': method<PassageSuggestionView[]>()(z.object({ recommendationId: id, limit: limit(50) }).strict()),
  /** Accepts a suggestion: links the passage [start, end) when given, else the whole letter. */
  'suggestions.accept': method<LinkView>()(z.object({ letterId: id, recommendationId: id, start: offset.optional(), end: offset.optional(), note: text(2_000).optional() }).strict()),
  /** Rejects a suggestion for this letter; it is never suggested for the letter again (undo brings it back). */
  'suggestions.reject': method<{ rejected: true }>()(z.object({ letterId: id, recommendationId: id }).strict()),
} as const
