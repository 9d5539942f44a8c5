// Offline suggestions: which recommendations a letter or a passage most likely speaks to.
import { z } from 'zod'
import type { LinkView } from '../domain/dto'
import type { PassageSuggestionView, SuggestionView } from '../domain/review-dto'
import { id, limit, method, offset, text } from './define'

export const suggestionsContract = {
  /** Recommendations the letter most likely speaks to, best first (default 5), without those
   *  already linked to it or rejected for it (at most 100, for the CLI's --limit). */
  'suggestions.forLetter': method<SuggestionView[]>()(z.object({ letterId: id, limit: limit(100) }).strict()),
  /** The same for a selection; `passage` of each is the selection itself. */
  'suggestions.forPassage': method<SuggestionView[]>()(z.object({ letterId: id, start: offset, end: offset, limit: limit(20) }).strict()),
  /** The reverse: unlinked passages of incoming letters most likely about a recommendation (default 10). */
  'suggestions.forRecommendation': method<PassageSuggestionView[]>()(z.object({ recommendationId: id, limit: limit(50) }).strict()),
  /** Accepts a suggestion: links the passage [start, end) when given, else the whole letter. */
  'suggestions.accept': method<LinkView>()(z.object({ letterId: id, recommendationId: id, start: offset.optional(), end: offset.optional(), note: text(2_000).optional() }).strict()),
  /** Rejects a suggestion for this letter; it is never suggested for the letter again (undo brings it back). */
  'suggestions.reject': method<{ rejected: true }>()(z.object({ letterId: id, recommendationId: id }).strict()),
} as const
