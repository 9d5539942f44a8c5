// The committee's judgement on a recommendation in one cycle: status, response, narrative and the
// evidence it rests on. One transaction, one audit row with the rows it touched (undoable).
import type { Transaction } from 'kysely'
import type { AssessmentView } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import type { Response, Status } from '../../../shared/domain/status'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import type { Executor } from '../db/database'
import type { Database } from '../db/schema'
import { retryOnUniqueViolation } from '../db/unique-violation'
import { ChangeRecorder } from '../history/changes'
import { claimVersion } from '../history/versions'
import { recommendationNumberById } from '../recommendations/recommendation-repository'
import { assessmentViews } from './assessment-queries'
import { assessmentInCycle, evidenceRowsOfAssessment, recommendationsOfLinks } from './assessment-repository'
import { cycleById } from './cycle-repository'

export interface AssessmentInput {
  recommendationId: number
  cycleId: number
  status: Status
  response?: Response | null | undefined
  narrative: string
  /** The links the status rests on; [] clears a chosen list; leave out to keep it. */
  evidenceLinkIds?: number[] | undefined
  /** The version the person started from (0: none yet); see history/versions.ts. */
  ifVersion?: number | undefined
}

export async function setAssessment(ctx: CoreContext, input: AssessmentInput): Promise<AssessmentView> {
  // Two people assessing a recommendation for the first time at once: the second insert meets the
  // unique (recommendation, cycle) and runs again, finding the first one's assessment.
  // The answer is read inside the save's transaction: read after the commit, it could already be
  // a colleague's later save, and the version handed back would not be the one this save wrote.
  return retryOnUniqueViolation(() => saveAssessment(ctx, input))
}

async function assessmentView(db: Executor, recommendationId: number, cycleId: number): Promise<AssessmentView> {
  const view = (await assessmentViews(db, recommendationId)).find((a) => a.cycleId === cycleId)
  if (!view) throw new Error(`assessment of ${recommendationId} in ${cycleId} vanished after commit`)
  return view
}

async function saveAssessment(ctx: CoreContext, input: AssessmentInput): Promise<AssessmentView> {
  return ctx.db.transaction().execute(async (trx) => {
    const recorder = new ChangeRecorder(trx)
    const recommendation = await recommendationNumberById(trx, input.recommendationId)
    if (!recommendation) throw new AppError('not_found', `There is no recommendation with id ${input.recommendationId}.`)
    const cycle = await cycleById(trx, input.cycleId)
    if (!cycle) throw new AppError('not_found', `There is no reporting cycle with id ${input.cycleId}.`)

    const before = await assessmentInCycle(trx, input.recommendationId, input.cycleId)
    const values = {
      status: input.status,
      response: input.response === undefined ? (before?.response ?? null) : input.response,
      narrative: input.narrative.replace(/\r\n?/g, '\n').trim(),
      updated_by: ctx.actor,
      updated_at: ctx.now(),
    }
    let assessmentId: number
    if (before) {
      assessmentId = before.id
      const subject = { what: 'this assessment', current: () => assessmentView(trx, input.recommendationId, input.cycleId) }
      await claimVersion(recorder, 'assessments', before.id, { by: ctx.actor, at: values.updated_at }, input.ifVersion, subject)
      await recorder.update('assessments', before.id, values)
    } else {
      assessmentId = await recorder.insert('assessments', { recommendation_id: input.recommendationId, cycle_id: input.cycleId, ...values })
    }
    if (input.evidenceLinkIds !== undefined) await replaceEvidence(trx, recorder, assessmentId, recommendation, [...new Set(input.evidenceLinkIds)])
    await writeAudit(trx, {
      at: ctx.now(),
      actor: ctx.actor,
      action: 'Assessed recommendation',
      entity: 'recommendation',
      entityId: input.recommendationId,
      before: before ?? null,
      after: { cycle: cycle.name, ...values, ...(input.evidenceLinkIds ? { evidenceLinkIds: input.evidenceLinkIds } : {}) },
      changes: recorder.changes,
    })
    return assessmentView(trx, input.recommendationId, input.cycleId)
  })
}

async function replaceEvidence(trx: Transaction<Database>, recorder: ChangeRecorder, assessmentId: number, recommendation: { id: number; number: string }, linkIds: number[]): Promise<void> {
  if (linkIds.length > 0) {
    const links = await recommendationsOfLinks(trx, linkIds)
    const wrong = linkIds.find((id) => links.find((l) => l.id === id)?.recommendation_id !== recommendation.id)
    if (wrong !== undefined) throw new AppError('invalid_input', `Link ${wrong} is not evidence for recommendation ${recommendation.number}; choose among the letters linked to it.`)
  }
  const current = await evidenceRowsOfAssessment(trx, assessmentId)
  for (const row of current) if (!linkIds.includes(row.link_id)) await recorder.delete('assessment_evidence', row.id)
  for (const linkId of linkIds) if (!current.some((r) => r.link_id === linkId)) await recorder.insert('assessment_evidence', { assessment_id: assessmentId, link_id: linkId })
}
