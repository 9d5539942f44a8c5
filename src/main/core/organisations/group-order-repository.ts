// The SQL of the groups' order: every group with its organisations' names, and which groups a
// recommendation is addressed to as a whole.
import { sql } from 'kysely'
import type { Executor } from '../db/database'
import { jsonGroupArray } from '../db/dialect/aggregates'
import { engineOf } from '../db/dialect/engine'

export interface GroupWithMembers {
  id: number
  name: string
  position: number
  /** JSON text: the names of its organisations, alphabetically. */
  organisations: string
  /** 1 when a recommendation is addressed to the whole group. */
  addressed: number
}

/**
 * Its organisations' names as a JSON array, alphabetically without regard to case, and whether a
 * recommendation names the group (1 or 0). SQLite's statement as it always was; PostgreSQL orders
 * inside the aggregate (names are citext) and turns EXISTS's boolean into SQLite's integer.
 */
function memberColumns(db: Executor) {
  if (engineOf(db) === 'postgres') {
    return [
      sql<string>`(SELECT ${jsonGroupArray(db, sql`name::text`, sql`name`)} FROM organisations WHERE group_id = g.id)`.as('organisations'),
      sql<number>`(EXISTS (SELECT 1 FROM recommendation_addressees WHERE group_id = g.id))::int`.as('addressed'),
    ]
  }
  return [
    sql<string>`(SELECT json_group_array(name) FROM (SELECT name FROM organisations WHERE group_id = g.id ORDER BY name COLLATE NOCASE))`.as('organisations'),
    sql<number>`EXISTS (SELECT 1 FROM recommendation_addressees WHERE group_id = g.id)`.as('addressed'),
  ]
}

export async function groupsWithMembers(db: Executor): Promise<GroupWithMembers[]> {
  return db
    .selectFrom('stakeholder_groups as g')
    .select(['g.id', 'g.name', 'g.position', ...memberColumns(db)])
    .orderBy('g.position')
    .orderBy('g.id')
    .execute()
}
