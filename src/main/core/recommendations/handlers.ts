// The recommendations slice of the contract: the committee's reports and their recommendations.
import type { recommendationsContract } from '../../../shared/api/recommendations'
import type { HandlerDeps, SliceHandlers } from '../handler-deps'
import { createRecommendation, createReport, updateRecommendation, updateReport } from './recommendation-edits'
import { parseRecommendationsCsv, upsertRecommendations } from './recommendation-import'
import { getRecommendation, listRecommendations } from './recommendation-queries'
import { listReports } from './report-service'

export function recommendationsHandlers({ ctx }: HandlerDeps): SliceHandlers<typeof recommendationsContract> {
  return {
    'reports.list': () => listReports(ctx.db),
    'reports.create': (input) => createReport(ctx, input),
    'reports.update': ({ id, ...edit }) => updateReport(ctx, id, edit),
    'recommendations.list': ({ cycleId }) => listRecommendations(ctx, cycleId),
    'recommendations.get': ({ id, cycleId }) => getRecommendation(ctx, id, cycleId),
    'recommendations.create': async (input) => getRecommendation(ctx, await createRecommendation(ctx, input)),
    'recommendations.update': async (input) => getRecommendation(ctx, await updateRecommendation(ctx, input)),
    'recommendations.importCsv': async ({ csv, reportTitle }) => {
      const { created, updated } = await upsertRecommendations(ctx, parseRecommendationsCsv(csv), reportTitle ? { title: reportTitle } : null)
      return { created, updated }
    },
  }
}
