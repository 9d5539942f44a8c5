// Links from letters and passages to recommendations, and the passages themselves. Offsets are
// positions in a letter's `bodyText` as JavaScript counts them (UTF-16 code units).
import { z } from 'zod'
import type { LinkView } from '../domain/dto'
import type { PassageView, ReanchorReport } from '../domain/review-dto'
import { id, method, offset, text } from './define'

export const linksContract = {
  'links.create': method<LinkView>()(
    z
      .object({
        letterId: id,
        recommendationId: id,
        quote: text(10_000).optional(),
        /** An existing passage of the letter to link to another recommendation (review workspace). */
        passageId: id.optional(),
        note: text(2_000).optional(),
      })
      .strict(),
  ),
  /** Changes a link's note (null or "" removes it) or points it at another recommendation. */
  'links.update': method<LinkView>()(z.object({ id, note: text(2_000).nullable().optional(), recommendationId: id.optional() }).strict()),
  'links.remove': method<{ removed: true }>()(z.object({ id }).strict()),
  /** Every passage of a letter where it is in the current text; lost ones last (anchor 'lost'). */
  'passages.list': method<PassageView[]>()(z.object({ letterId: id }).strict()),
  /** Links a selection [start, end) to one or more recommendations (the note goes on each link).
   *  White space at either end is trimmed; the same selection again adds only new recommendations. */
  'passages.create': method<PassageView>()(
    z.object({ letterId: id, start: offset, end: offset, recommendationIds: z.array(id).min(1).max(20), note: text(2_000).optional() }).strict(),
  ),
  /** Removes a passage and all its links. */
  'passages.remove': method<{ removed: true }>()(z.object({ id }).strict()),
  /** Finds every passage again in the letter's current text and stores where it is now. */
  'passages.reanchor': method<ReanchorReport>()(z.object({ letterId: id }).strict()),
} as const
