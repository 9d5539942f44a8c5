// The engine's full-text search, as the composition root put it in the context. A context made
// without one (by hand, say) gets a clear error rather than a search over nothing.
import { AppError } from '../../../shared/api/errors'
import type { CoreContext } from '../context'
import type { FullTextSearch } from '../db/full-text'

export function fullTextOf(ctx: Pick<CoreContext, 'fullText'>): FullTextSearch {
  if (!ctx.fullText) throw new AppError('internal', 'Search is not available: this database connection offers no full-text search.')
  return ctx.fullText
}
