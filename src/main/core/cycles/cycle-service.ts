// Reporting cycles: listing them, finding one by id or name, and adding one.
import type { Cycle } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import type { Db } from '../db/database'
import { cycleIdByName, cyclesNewestFirst, insertCycle } from './cycle-repository'

export async function listCycles(db: Db): Promise<Cycle[]> {
  const rows = await cyclesNewestFirst(db)
  return rows.map((row) => ({ id: row.id, name: row.name, startsOn: row.starts_on, endsOn: row.ends_on }))
}

/** The cycle asked for, or the latest one; null when there are no cycles yet. */
export async function resolveCycle(db: Db, cycleId: number | undefined): Promise<Cycle | null> {
  const cycles = await listCycles(db)
  if (cycleId === undefined) return cycles[0] ?? null
  const cycle = cycles.find((c) => c.id === cycleId)
  if (!cycle) throw new AppError('not_found', `There is no reporting cycle with id ${cycleId}.`)
  return cycle
}

export async function findCycleByName(db: Db, name: string): Promise<Cycle> {
  const cycle = (await listCycles(db)).find((c) => c.name.toLowerCase() === name.trim().toLowerCase())
  if (!cycle) throw new AppError('not_found', `There is no reporting cycle called “${name}”.`)
  return cycle
}

export async function createCycle(ctx: CoreContext, input: { name: string; startsOn: string | null; endsOn: string | null }): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    if ((await cycleIdByName(trx, input.name)) !== undefined) throw new AppError('conflict', `A reporting cycle called “${input.name}” already exists.`)
    const values = { name: input.name, starts_on: input.startsOn, ends_on: input.endsOn, created_at: ctx.now() }
    const id = await insertCycle(trx, values)
    await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: 'Added cycle', entity: 'cycle', entityId: id, after: input })
    return id
  })
}
