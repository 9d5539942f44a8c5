// One search over letters, passages, recommendations and narratives, and saved searches.
import { z } from 'zod'
import { STATUSES } from '../domain/status'
import type { SavedView, SearchResults } from '../domain/review-dto'
import { id, isoDate, limit, method, none, text } from './define'

const FORMATS = ['txt', 'docx', 'doc', 'odt', 'rtf', 'html', 'pdf', 'eml', 'msg', 'png', 'jpeg', 'tiff'] as const

export const searchFiltersSchema = z
  .object({
    kinds: z.array(z.enum(['letter', 'passage', 'recommendation', 'narrative'])).max(4).optional(),
    organisationId: id.optional(),
    group: text(100).optional(),
    dateFrom: isoDate.optional(),
    dateTo: isoDate.optional(),
    format: z.enum(FORMATS).optional(),
    linked: z.enum(['linked', 'unlinked']).optional(),
    cycleId: id.optional(),
    status: z.enum(STATUSES).optional(),
  })
  .strict()

export const searchContract = {
  /** `query` may use "phrases", prefix*, OR and -exclusion; any string is safe. Empty query:
   *  letters listed by the filters. Pages are 1-based (pageSize default 20, at most 100; the
   *  first 1,000 results can be paged). */
  'search.query': method<SearchResults>()(
    z
      .object({
        query: text(500),
        filters: searchFiltersSchema.optional(),
        sort: z.enum(['relevance', 'date']).optional(),
        page: z.number().int().min(1).max(1_000).optional(),
        pageSize: limit(100),
      })
      .strict(),
  ),
  'searchViews.list': method<SavedView[]>()(none),
  /** Saves a search under a name; an existing name (any case) is replaced. */
  'searchViews.save': method<SavedView>()(
    z.object({ name: text(120).min(1), query: text(500), filters: searchFiltersSchema.optional(), sort: z.enum(['relevance', 'date']).optional() }).strict(),
  ),
  'searchViews.remove': method<{ removed: true }>()(z.object({ id }).strict()),
} as const
