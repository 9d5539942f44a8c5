// Dated promises found in letters ("we will publish by March"), accepted and tracked to met or missed.
import { z } from 'zod'
import type { CommitmentOffer, CommitmentView } from '../domain/review-dto'
import { id, isoDate, method, offset, text } from './define'

export const commitmentsContract = {
  /** Dated promises not yet accepted or dismissed: in one letter, or in the incoming letters of a cycle (default latest). */
  'commitments.offers': method<CommitmentOffer[]>()(z.object({ letterId: id.optional(), cycleId: id.optional() }).strict()),
  'commitments.accept': method<CommitmentView>()(
    z
      .object({ letterId: id, start: offset, end: offset, dueOn: isoDate, dueText: text(200).optional(), recommendationId: id.nullable().optional(), note: text(2_000).optional() })
      .strict(),
  ),
  'commitments.dismiss': method<{ dismissed: true }>()(z.object({ letterId: id, start: offset, end: offset }).strict()),
  /** Marks a commitment met or missed (or reopens or dismisses it). */
  'commitments.setStatus': method<CommitmentView>()(z.object({ id, status: z.enum(['open', 'met', 'missed', 'dismissed']), note: text(2_000).optional() }).strict()),
  /** Accepted commitments, soonest due first; dismissed ones only when asked for by status.
   *  With `cycleId`: due within the cycle's dates, plus any still open from before it. */
  'commitments.list': method<CommitmentView[]>()(
    z.object({ cycleId: id.optional(), status: z.enum(['open', 'met', 'missed', 'dismissed']).optional(), letterId: id.optional(), organisationId: id.optional() }).strict(),
  ),
} as const
