// The committee's reports and their recommendations.
import { z } from 'zod'
import type { RecommendationDetail, RecommendationSummary, Report } from '../domain/dto'
import { id, method, none, text } from './define'

export const recommendationsContract = {
  'reports.list': method<Report[]>()(none),
  'recommendations.list': method<RecommendationSummary[]>()(z.object({ cycleId: id.optional() }).strict()),
  'recommendations.get': method<RecommendationDetail>()(z.object({ id, cycleId: id.optional() }).strict()),
  /** Adds or updates recommendations from CSV text (number,title,text,addressees,theme). */
  'recommendations.importCsv': method<{ created: number; updated: number }>()(z.object({ csv: text(5_000_000), reportTitle: text(300).optional() }).strict()),
} as const
