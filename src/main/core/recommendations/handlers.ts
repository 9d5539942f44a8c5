// The recommendations slice of the contract: the committee's reports and their recommendations.
import type { recommendationsContract } from '../../../shared/api/recommendations'
import type { HandlerDeps, SliceHandlers } from '../handler-deps'
import { parseRecommendationsCsv, upsertRecommendations } from './recommendation-import'
import { getRecommendation, listRecommendations } from './recommendation-queries'
import { listReports } from './report-service'

export function recommendationsHandlers({ ctx }: HandlerDeps): SliceHandlers<typeof recommendationsContract> {
  return {
    'reports.list': () => listReports(ctx.db),
    'recommendations.list': ({ cycleId }) => listRecommendations(ctx, cycleId),
    'recommendations.get': ({ id, cycleId }) => getRecommendation(ctx, id, cycleId),
    'recommendations.importCsv': async ({ csv, reportTitle }) => {
      const { created, updated } = await upsertRecommendations(ctx, parseRecommendationsCsv(csv), reportTitle ? { title: reportTitle } : null)
      return { created, updated }
    },
  }
}
