// Starting a new reporting cycle, optionally carrying forward the previous cycle's statuses (and
// responses), and if wanted its narratives as a first draft. Evidence is not carried: a status
// copied forward shows the "no evidence from this cycle" warning until letters of the new cycle
// are linked, which is exactly the prompt the secretariat needs.
import type { Cycle } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import { ChangeRecorder } from '../history/changes'
import { carryPreambles } from '../summary/preamble-service'
import { assessmentsOfCycle } from './assessment-repository'
import { cycleIdByName } from './cycle-repository'
import { listCycles } from './cycle-service'

export type CycleCopy = 'nothing' | 'statuses' | 'statuses-and-narratives'

export interface StartCycleInput {
  name: string
  startsOn: string | null
  endsOn: string | null
  /** The cycle to copy from; by default the latest existing cycle. */
  copyFrom?: number | undefined
  copy?: CycleCopy | undefined
}

export async function startCycle(ctx: CoreContext, input: StartCycleInput): Promise<Cycle & { copied: number; copiedFrom: string | null }> {
  const name = input.name.trim()
  if (!name) throw new AppError('invalid_input', 'A reporting cycle needs a name, such as “2023 progress review”.')
  if (input.startsOn && input.endsOn && input.startsOn > input.endsOn) throw new AppError('invalid_input', 'The cycle ends before it starts; check the two dates.')
  const copy = input.copy ?? 'statuses'
  const existing = await listCycles(ctx.db)
  const source = copy === 'nothing' ? null : input.copyFrom !== undefined ? existing.find((c) => c.id === input.copyFrom) : existing[0]
  // The groups' framing paragraphs are a starting point whatever is copied: they say what the
  // committee found originally, which changes little from one review to the next.
  const framingSource = input.copyFrom !== undefined ? existing.find((c) => c.id === input.copyFrom) : existing[0]
  if (input.copyFrom !== undefined && copy !== 'nothing' && !source) throw new AppError('not_found', `There is no reporting cycle with id ${input.copyFrom} to copy from.`)

  const result = await ctx.db.transaction().execute(async (trx) => {
    if ((await cycleIdByName(trx, name)) !== undefined) throw new AppError('conflict', `A reporting cycle called “${name}” already exists.`)
    const recorder = new ChangeRecorder(trx)
    const id = await recorder.insert('cycles', { name, starts_on: input.startsOn, ends_on: input.endsOn, created_at: ctx.now() })
    let copied = 0
    if (source) {
      const rows = await assessmentsOfCycle(trx, source.id)
      for (const row of rows) {
        await recorder.insert('assessments', {
          recommendation_id: row.recommendation_id,
          cycle_id: id,
          status: row.status,
          response: row.response,
          narrative: copy === 'statuses-and-narratives' ? row.narrative : '',
          updated_by: ctx.actor,
          updated_at: ctx.now(),
        })
        copied++
      }
    }
    const framing = framingSource ? await carryPreambles(trx, recorder, ctx, framingSource.id, id) : 0
    await writeAudit(trx, {
      at: ctx.now(),
      actor: ctx.actor,
      action: 'Added cycle',
      entity: 'cycle',
      entityId: id,
      after: { name, startsOn: input.startsOn, endsOn: input.endsOn, copiedFrom: source?.name ?? null, copy, copied, framing },
      changes: recorder.changes,
    })
    return { id, copied }
  })
  return { id: result.id, name, startsOn: input.startsOn, endsOn: input.endsOn, copied: result.copied, copiedFrom: source?.name ?? null }
}
