// A stakeholder group's framing paragraph for a cycle: what the committee found originally
// ("In 2017, we found that…"), printed under the group's heading before the narratives. Written
// in the narratives' light markup; an empty text removes it. Every change is audited against the
// cycle and can be undone; a new cycle starts from the previous cycle's paragraphs.
import type { GroupPreamble } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import type { Executor, Trx } from '../db/database'
import { cycleById } from '../cycles/cycle-repository'
import { resolveCycle } from '../cycles/cycle-service'
import { retryOnUniqueViolation } from '../db/unique-violation'
import { ChangeRecorder } from '../history/changes'
import { claimVersion } from '../history/versions'
import { groupNameById, preambleRow, preambleRowsOfCycle, preamblesOfCycle } from './preamble-repository'

export const MAX_PREAMBLE = 20_000

/** Each group's framing text in the cycle (default: the latest), in the committee's order of groups. */
export async function listPreambles(ctx: CoreContext, cycleId?: number): Promise<GroupPreamble[]> {
  const cycle = await resolveCycle(ctx.db, cycleId)
  if (!cycle) return []
  return (await preamblesOfCycle(ctx.db, cycle.id)).map((row) => preambleView(row, cycle.id))
}

function preambleView(row: Awaited<ReturnType<typeof preamblesOfCycle>>[number], cycleId: number): GroupPreamble {
  return { groupId: row.groupId, group: row.group, cycleId, text: row.text ?? '', version: row.version ?? 0, updatedBy: row.updatedBy, updatedAt: row.updatedAt }
}

/** One group's framing text in the cycle as stored now. */
async function storedPreamble(db: Executor, groupId: number, cycleId: number): Promise<GroupPreamble> {
  const row = (await preamblesOfCycle(db, cycleId)).find((r) => r.groupId === groupId)
  if (!row) throw new Error(`group ${groupId} vanished`)
  return preambleView(row, cycleId)
}

/** The framing text of each group (by name) in the cycle, for the export. */
export async function preamblesByGroup(db: Executor, cycleId: number): Promise<Map<string, string>> {
  return new Map((await preamblesOfCycle(db, cycleId)).flatMap((row) => (row.text ? [[row.group, row.text] as const] : [])))
}

/** Line endings made Unix and the ends trimmed, so the same words always store the same text. */
export function tidyPreamble(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim()
}

export interface PreambleInput {
  groupId: number
  cycleId: number
  text: string
  /** The version the person started from (0: none yet); see history/versions.ts. */
  ifVersion?: number | undefined
}

export async function setPreamble(ctx: CoreContext, input: PreambleInput): Promise<GroupPreamble> {
  const text = tidyPreamble(input.text)
  if (text.length > MAX_PREAMBLE) throw new AppError('invalid_input', `A framing paragraph can be at most ${MAX_PREAMBLE.toLocaleString('en-GB')} characters; this one has ${text.length.toLocaleString('en-GB')}.`)
  // Two people writing a group's first paragraph at once: the second insert meets the unique
  // (group, cycle) and runs again, finding the first one's paragraph.
  return retryOnUniqueViolation(() => savePreamble(ctx, input, text))
}

async function savePreamble(ctx: CoreContext, input: PreambleInput, text: string): Promise<GroupPreamble> {
  return ctx.db.transaction().execute(async (trx) => {
    const group = await groupNameById(trx, input.groupId)
    if (group === undefined) throw new AppError('not_found', `There is no stakeholder group with id ${input.groupId}.`)
    const cycle = await cycleById(trx, input.cycleId)
    if (!cycle) throw new AppError('not_found', `There is no reporting cycle with id ${input.cycleId}.`)
    const existing = await preambleRow(trx, input.groupId, input.cycleId)
    if ((existing?.text ?? '') === text) return storedPreamble(trx, input.groupId, cycle.id)
    const recorder = new ChangeRecorder(trx)
    if (existing) {
      const subject = { what: `the framing paragraph for ${group}`, current: () => storedPreamble(trx, input.groupId, cycle.id) }
      await claimVersion(recorder, 'group_preambles', existing.id, { by: ctx.actor, at: ctx.now() }, input.ifVersion, subject)
    }
    if (existing && text === '') await recorder.delete('group_preambles', existing.id)
    else if (existing) await recorder.update('group_preambles', existing.id, { text, updated_by: ctx.actor, updated_at: ctx.now() })
    else await recorder.insert('group_preambles', { group_id: input.groupId, cycle_id: cycle.id, text, updated_by: ctx.actor, updated_at: ctx.now() })
    await writeAudit(trx, {
      at: ctx.now(),
      actor: ctx.actor,
      action: text === '' ? 'Removed framing paragraph' : 'Changed framing paragraph',
      entity: 'cycle',
      entityId: cycle.id,
      before: existing ? { group, cycle: cycle.name, text: existing.text } : null,
      after: text === '' ? null : { group, cycle: cycle.name, text },
      changes: recorder.changes,
    })
    return storedPreamble(trx, input.groupId, cycle.id)
  })
}

/** Copies a cycle's framing paragraphs to a new cycle, in the new cycle's transaction; returns how many. */
export async function carryPreambles(trx: Trx, recorder: ChangeRecorder, ctx: CoreContext, fromCycleId: number, toCycleId: number): Promise<number> {
  const rows = await preambleRowsOfCycle(trx, fromCycleId)
  for (const row of rows) await recorder.insert('group_preambles', { group_id: row.group_id, cycle_id: toCycleId, text: row.text, updated_by: ctx.actor, updated_at: ctx.now() })
  return rows.length
}
