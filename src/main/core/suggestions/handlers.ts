// The suggestions slice of the contract.
import type { suggestionsContract } from '../../../shared/api/suggestions'
import type { HandlerDeps, SliceHandlers } from '../handler-deps'
import { acceptSuggestion, rejectSuggestion, suggestForLetter, suggestForPassage, suggestPassagesForRecommendation } from './suggestion-service'

export function suggestionsHandlers({ ctx }: HandlerDeps): SliceHandlers<typeof suggestionsContract> {
  return {
    'suggestions.forLetter': ({ letterId, limit }) => suggestForLetter(ctx, letterId, limit),
    'suggestions.forPassage': (input) => suggestForPassage(ctx, input),
    'suggestions.forRecommendation': (input) => suggestPassagesForRecommendation(ctx, input),
    'suggestions.accept': (input) => acceptSuggestion(ctx, input),
    'suggestions.reject': (input) => rejectSuggestion(ctx, input),
  }
}
