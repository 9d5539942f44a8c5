// PostgreSQL's share of the archive check: the server keeps its own pages and foreign keys, so
// what can drift is ours: the search tables against the tables they index (a row the triggers
// missed, say after a bulk load with triggers disabled) and the schema version.
import { sql } from 'kysely'
import type { Db } from '../database'
import { LATEST_SCHEMA_VERSION } from './migrations'
import { readSchemaVersion } from './migrate'

const SEARCHED = ['letters', 'passages', 'recommendations', 'assessments'] as const

export async function integrityProblems(db: Db): Promise<string[]> {
  const problems: string[] = []
  const version = await readSchemaVersion(db)
  if (version !== LATEST_SCHEMA_VERSION) problems.push(`The database is at schema ${version}, not ${LATEST_SCHEMA_VERSION}`)
  for (const table of SEARCHED) {
    const { rows } = await sql<{ missing: number }>`
      SELECT count(*)::int AS missing FROM ${sql.table(table)} t WHERE NOT EXISTS (SELECT 1 FROM ${sql.table(`${table}_search`)} s WHERE s.id = t.id)`.execute(db)
    const missing = rows[0]?.missing ?? 0
    if (missing > 0) problems.push(`The search index ${table}_search is missing ${missing} of the ${table} rows`)
  }
  return problems
}
