// The committee's judgement on a recommendation in one cycle: status, response and narrative.
import type { AssessmentView } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import type { Response, Status } from '../../../shared/domain/status'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'

export interface AssessmentInput {
  recommendationId: number
  cycleId: number
  status: Status
  response?: Response | null | undefined
  narrative: string
}

export async function setAssessment(ctx: CoreContext, input: AssessmentInput): Promise<AssessmentView> {
  return ctx.db.transaction().execute(async (trx) => {
    const recommendation = await trx.selectFrom('recommendations').select('id').where('id', '=', input.recommendationId).executeTakeFirst()
    if (!recommendation) throw new AppError('not_found', `There is no recommendation with id ${input.recommendationId}.`)
    const cycle = await trx.selectFrom('cycles').select(['id', 'name']).where('id', '=', input.cycleId).executeTakeFirst()
    if (!cycle) throw new AppError('not_found', `There is no reporting cycle with id ${input.cycleId}.`)

    const before = await trx.selectFrom('assessments').selectAll().where('recommendation_id', '=', input.recommendationId).where('cycle_id', '=', input.cycleId).executeTakeFirst()
    const values = {
      status: input.status,
      response: input.response === undefined ? (before?.response ?? null) : input.response,
      narrative: input.narrative.replace(/\r\n?/g, '\n').trim(),
      updated_by: ctx.actor,
      updated_at: ctx.now(),
    }
    await trx
      .insertInto('assessments')
      .values({ recommendation_id: input.recommendationId, cycle_id: input.cycleId, ...values })
      .onConflict((oc) => oc.columns(['recommendation_id', 'cycle_id']).doUpdateSet(values))
      .execute()
    await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: 'Assessed recommendation', entity: 'recommendation', entityId: input.recommendationId, before: before ?? null, after: { cycle: cycle.name, ...values } })
    return { cycleId: cycle.id, cycleName: cycle.name, status: input.status, response: values.response as Response | null, narrative: values.narrative, updatedAt: values.updated_at }
  })
}
