// The framing paragraphs' SQL: one row per stakeholder group and cycle (group_preambles).
import type { Executor } from '../db/database'

/** Every group in the committee's order, with its framing text in the cycle (null when none). */
export async function preamblesOfCycle(
  db: Executor,
  cycleId: number,
): Promise<{ groupId: number; group: string; text: string | null; version: number | null; updatedBy: string | null; updatedAt: string | null }[]> {
  return db
    .selectFrom('stakeholder_groups as g')
    .leftJoin('group_preambles as p', (join) => join.onRef('p.group_id', '=', 'g.id').on('p.cycle_id', '=', cycleId))
    .select(['g.id as groupId', 'g.name as group', 'p.text', 'p.version', 'p.updated_by as updatedBy', 'p.updated_at as updatedAt'])
    .orderBy('g.position')
    .orderBy('g.id')
    .execute()
}

export async function preambleRow(db: Executor, groupId: number, cycleId: number): Promise<{ id: number; text: string; version: number; updated_by: string; updated_at: string } | undefined> {
  return db.selectFrom('group_preambles').select(['id', 'text', 'version', 'updated_by', 'updated_at']).where('group_id', '=', groupId).where('cycle_id', '=', cycleId).executeTakeFirst()
}

/** The framing rows of a cycle, to carry to the next one. */
export async function preambleRowsOfCycle(db: Executor, cycleId: number): Promise<{ group_id: number; text: string }[]> {
  return db.selectFrom('group_preambles').select(['group_id', 'text']).where('cycle_id', '=', cycleId).orderBy('group_id').execute()
}

export async function groupNameById(db: Executor, groupId: number): Promise<string | undefined> {
  return (await db.selectFrom('stakeholder_groups').select('name').where('id', '=', groupId).executeTakeFirst())?.name
}
