// The SQL behind the in-memory index of recommendations (recommendation-index.ts): what goes into
// it, and a cheap signature that changes whenever any of that does.
import { sql } from 'kysely'
import type { Executor } from '../db/database'

/**
 * Counts, highest ids and total lengths of the recommendations, their addressees and the
 * organisations (with their groups) in one string. SQLite's `||`, `ifnull` and `total`;
 * PostgreSQL would need concat, coalesce and sum.
 */
export async function indexSignature(db: Executor): Promise<string> {
  const { rows } = await sql<{ s: string }>`SELECT
      (SELECT count(*) || ':' || ifnull(max(id), 0) || ':' || total(length(text) + length(title) + length(number) + length(ifnull(theme, ''))) FROM recommendations) || '/' ||
      (SELECT count(*) || ':' || ifnull(max(id), 0) FROM recommendation_addressees) || '/' ||
      (SELECT count(*) || ':' || total(id * group_id) || ':' || total(length(name)) FROM organisations) AS s`.execute(db)
  return rows[0]?.s ?? ''
}

/** Every recommendation in the reports' order, with who it is addressed to and the names to show. */
export async function indexSource(db: Executor) {
  const recommendations = await db.selectFrom('recommendations').select(['id', 'number', 'title', 'text', 'theme']).orderBy('report_id').orderBy('position').execute()
  const addressees = await db.selectFrom('recommendation_addressees').select(['recommendation_id', 'organisation_id', 'group_id']).execute()
  const organisations = await db.selectFrom('organisations').select(['id', 'name', 'group_id']).execute()
  const groups = await db.selectFrom('stakeholder_groups').select(['id', 'name']).execute()
  return { recommendations, addressees, organisations, groups }
}
