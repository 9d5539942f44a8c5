// The committee's reports and their recommendations.
import { z } from 'zod'
import type { RecommendationDetail, RecommendationSummary, Report } from '../domain/dto'
import { id, ifVersion, method, none, text } from './define'

const addressees = z.array(text(200).min(1)).max(100)
const year = z.number().int().min(1900).max(2200).nullable()

export const recommendationsContract = {
  'reports.list': method<Report[]>()(none),
  'reports.create': method<Report>()(z.object({ title: text(300).min(1), year: year.optional(), reference: text(100).nullable().optional() }).strict()),
  'reports.update': method<Report>()(z.object({ id, title: text(300).min(1).optional(), year: year.optional(), reference: text(100).nullable().optional() }).strict()),
  'recommendations.list': method<RecommendationSummary[]>()(z.object({ cycleId: id.optional() }).strict()),
  'recommendations.get': method<RecommendationDetail>()(z.object({ id, cycleId: id.optional() }).strict()),
  /** Adds a recommendation to a report (default: the only one); addressees are organisations (or aliases) or whole groups. */
  'recommendations.create': method<RecommendationDetail>()(
    z
      .object({
        reportId: id.optional(),
        number: text(20).min(1),
        title: text(300).optional(),
        text: text(20_000).min(1),
        addressees: addressees.optional(),
        theme: text(100).nullable().optional(),
      })
      .strict(),
  ),
  /** Edits a recommendation, found by `id` or by `number` (in `reportId`, or the only report holding it). */
  'recommendations.update': method<RecommendationDetail>()(
    z
      .object({
        id: id.optional(),
        number: text(20).min(1).optional(),
        reportId: id.optional(),
        newNumber: text(20).min(1).optional(),
        title: text(300).min(1).optional(),
        text: text(20_000).min(1).optional(),
        theme: text(100).nullable().optional(),
        /** Replaces the addressees. */
        addressees: addressees.optional(),
        addAddressees: addressees.optional(),
        /** The version the person started from; a save over a newer one is refused as stale. */
        ifVersion: ifVersion.optional(),
      })
      .strict(),
  ),
  /** Adds or updates recommendations from CSV text (number,title,text,addressees,theme). */
  'recommendations.importCsv': method<{ created: number; updated: number }>()(z.object({ csv: text(5_000_000), reportTitle: text(300).optional() }).strict()),
} as const
