// Schema v7: a framing paragraph per stakeholder group and cycle ("In 2017, we found that…"),
// printed under the group's heading in the progress summary before the narratives. Stored per
// cycle because what the committee says it found is reworded from one review to the next; a new
// cycle starts from the previous cycle's text.
import { sql, type Kysely } from 'kysely'

/** The table, as PostgreSQL's 0003 creates it too (postgres/migrations/from-sqlite.ts). */
export const GROUP_PREAMBLES = `CREATE TABLE group_preambles (
         id INTEGER PRIMARY KEY,
         group_id INTEGER NOT NULL REFERENCES stakeholder_groups(id) ON DELETE CASCADE,
         cycle_id INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
         text TEXT NOT NULL,
         updated_by TEXT NOT NULL,
         updated_at TEXT NOT NULL,
         UNIQUE (group_id, cycle_id)
       ) STRICT`
export const GROUP_PREAMBLES_BY_CYCLE = 'CREATE INDEX group_preambles_by_cycle ON group_preambles(cycle_id)'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- runs before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(GROUP_PREAMBLES).execute(db)
  await sql.raw(GROUP_PREAMBLES_BY_CYCLE).execute(db)
}
