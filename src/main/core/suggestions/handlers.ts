// The suggestions slice of the contract.
import type { suggestionsContract } from '../../../shared/api/suggestions'
import type { HandlerDeps, SliceHandlers } from '../handler-deps'
import { acceptSuggestion, rejectSuggestion, suggestForPassage, suggestionsForLetter, suggestPassagesForRecommendation } from './suggestion-service'

export function suggestionsHandlers({ ctx }: HandlerDeps): SliceHandlers<typeof suggestionsContract> {
  return {
    'suggestions.forLetter': (input) => suggestionsForLetter(ctx, input),
    'suggestions.forPassage': (input) => suggestForPassage(ctx, input),
    'suggestions.forRecommendation': (input) => suggestPassagesForRecommendation(ctx, input),
    'suggestions.accept': (input) => acceptSuggestion(ctx, input),
    'suggestions.reject': (input) => rejectSuggestion(ctx, input),
  }
}
