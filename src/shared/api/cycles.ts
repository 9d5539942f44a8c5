// Reporting cycles, each recommendation's assessment in a cycle, year on year, the dashboard.
import { z } from 'zod'
import { RESPONSES, STATUSES } from '../domain/status'
import type { AssessmentView, Cycle } from '../domain/dto'
import type { CycleComparison, Dashboard } from '../domain/review-dto'
import { id, ifVersion, isoDate, method, none, text } from './define'

export const cyclesContract = {
  'cycles.list': method<Cycle[]>()(none),
  /** The cycle of that name (any case, ignoring white space at either end). */
  'cycles.find': method<Cycle>()(z.object({ name: text(1_000).min(1) }).strict()),
  /** Starts a cycle; by default copies statuses and responses from the latest cycle (`copy`:
   *  'nothing' | 'statuses' | 'statuses-and-narratives'; `copyFrom` picks another cycle). */
  'cycles.create': method<Cycle & { copied: number; copiedFrom: string | null }>()(
    z
      .object({
        name: text(120).min(1),
        startsOn: isoDate.nullable(),
        endsOn: isoDate.nullable(),
        copyFrom: id.optional(),
        copy: z.enum(['nothing', 'statuses', 'statuses-and-narratives']).optional(),
      })
      .strict(),
  ),
  /** Year on year: `toCycleId` (default latest) against `fromCycleId` (default the one before),
   *  optionally one recommendation or one stakeholder group (by name). */
  'cycles.compare': method<CycleComparison>()(
    z.object({ toCycleId: id.optional(), fromCycleId: id.optional(), recommendationId: id.optional(), group: text(100).optional() }).strict(),
  ),
  'assessments.set': method<AssessmentView>()(
    z
      .object({
        recommendationId: id,
        cycleId: id,
        status: z.enum(STATUSES),
        response: z.enum(RESPONSES).nullable().optional(),
        narrative: text(50_000),
        /** The links the status rests on ([] clears a chosen list; leave out to keep it). */
        evidenceLinkIds: z.array(id).max(500).optional(),
        /** The version the person started from (0: not yet assessed); a save over a newer one is refused as stale. */
        ifVersion: ifVersion.optional(),
      })
      .strict(),
  ),
  /** Per stakeholder group for a cycle (default latest): statuses, unlinked letters, missing evidence, chases, commitments. */
  'dashboard.get': method<Dashboard>()(z.object({ cycleId: id.optional() }).strict()),
} as const
