// PostgreSQL schema v3 (SQLite's 0008): a framing paragraph per stakeholder group and cycle,
// printed under the group's heading in the progress summary.
import { sql, type Kysely } from 'kysely'
import { GROUP_PREAMBLES, GROUP_PREAMBLES_BY_CYCLE } from '../../sqlite/migrations/0008-group-preambles'
import { postgresTable } from './from-sqlite'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- runs before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(postgresTable(GROUP_PREAMBLES)).execute(db)
  await sql.raw(GROUP_PREAMBLES_BY_CYCLE).execute(db)
}
