// The reporting cycles' SQL: listing them and adding one.
import type { Executor } from '../db/database'
import { descNullsLast } from '../db/dialect/ordering'

export interface CycleRow {
  id: number
  name: string
  starts_on: string | null
  ends_on: string | null
}

/** Every cycle, the latest start first (ties: the newest added first). */
export async function cyclesNewestFirst(db: Executor): Promise<CycleRow[]> {
  return db.selectFrom('cycles').select(['id', 'name', 'starts_on', 'ends_on']).orderBy('starts_on', descNullsLast(db)).orderBy('id', 'desc').execute()
}

export async function cycleIdByName(db: Executor, name: string): Promise<number | undefined> {
  return (await db.selectFrom('cycles').select('id').where('name', '=', name).executeTakeFirst())?.id
}

export async function cycleById(db: Executor, id: number): Promise<{ id: number; name: string } | undefined> {
  return db.selectFrom('cycles').select(['id', 'name']).where('id', '=', id).executeTakeFirst()
}

export async function insertCycle(db: Executor, values: { name: string; starts_on: string | null; ends_on: string | null; created_at: string }): Promise<number> {
  return (await db.insertInto('cycles').values(values).returning('id').executeTakeFirstOrThrow()).id
}
