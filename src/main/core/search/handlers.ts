// The search slice of the contract: the one search, and saved searches.
import type { searchContract } from '../../../shared/api/search'
import type { HandlerDeps, SliceHandlers } from '../handler-deps'
import { listSavedViews, removeSavedView, saveView } from './saved-views'
import { search } from './search-service'

export function searchHandlers({ ctx }: HandlerDeps): SliceHandlers<typeof searchContract> {
  return {
    'search.query': (input) => search(ctx, input),
    'searchViews.list': () => listSavedViews(ctx),
    'searchViews.save': (input) => saveView(ctx, input),
    'searchViews.remove': ({ id }) => removeSavedView(ctx, id),
  }
}
