// The SQL of the groups' order: every group with its organisations' names, and which groups a
// recommendation is addressed to as a whole.
import { sql } from 'kysely'
import type { Executor } from '../db/database'

export interface GroupWithMembers {
  id: number
  name: string
  position: number
  /** JSON text: the names of its organisations, alphabetically. */
  organisations: string
  /** 1 when a recommendation is addressed to the whole group. */
  addressed: number
}

export async function groupsWithMembers(db: Executor): Promise<GroupWithMembers[]> {
  return db
    .selectFrom('stakeholder_groups as g')
    .select([
      'g.id',
      'g.name',
      'g.position',
      sql<string>`(SELECT json_group_array(name) FROM (SELECT name FROM organisations WHERE group_id = g.id ORDER BY name COLLATE NOCASE))`.as('organisations'),
      sql<number>`EXISTS (SELECT 1 FROM recommendation_addressees WHERE group_id = g.id)`.as('addressed'),
    ])
    .orderBy('g.position')
    .orderBy('g.id')
    .execute()
}
