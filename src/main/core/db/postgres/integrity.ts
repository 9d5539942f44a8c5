// PostgreSQL's share of the archive check: the server keeps its own pages and foreign keys, so
// what can drift is ours: the search tables against the tables they index (a row the triggers
// missed, say after a bulk load with triggers disabled) and the schema version.
import { sql } from 'kysely'
import type { Db } from '../database'
import { LATEST_SCHEMA_VERSION } from './migrations'
import { readSchemaVersion } from './migrate'

/** Each search table and the rows it should hold: letters and passages in the bin are left out (migration 0004). */
const SEARCHED = [
  { index: 'letters_search', rows: 'live_letters', of: 'live letters' },
  { index: 'passages_search', rows: 'live_passages', of: 'passages of live letters' },
  { index: 'recommendations_search', rows: 'recommendations', of: 'recommendations' },
  { index: 'assessments_search', rows: 'assessments', of: 'assessments' },
] as const

export async function integrityProblems(db: Db): Promise<string[]> {
  const problems: string[] = []
  const version = await readSchemaVersion(db)
  if (version !== LATEST_SCHEMA_VERSION) problems.push(`The database is at schema ${version}, not ${LATEST_SCHEMA_VERSION}`)
  for (const { index, rows: source, of } of SEARCHED) {
    const { rows } = await sql<{ missing: number; extra: number }>`
      SELECT (SELECT count(*)::int FROM ${sql.table(source)} t WHERE NOT EXISTS (SELECT 1 FROM ${sql.table(index)} s WHERE s.id = t.id)) AS missing,
             (SELECT count(*)::int FROM ${sql.table(index)} s WHERE NOT EXISTS (SELECT 1 FROM ${sql.table(source)} t WHERE t.id = s.id)) AS extra`.execute(db)
    const missing = rows[0]?.missing ?? 0
    const extra = rows[0]?.extra ?? 0
    if (missing > 0) problems.push(`The search index ${index} is missing ${missing} of the ${of}`)
    if (extra > 0) problems.push(`The search index ${index} holds ${extra} rows that are not ${of} (in the bin, say)`)
  }
  return problems
}
