// The SQL behind the in-memory index of recommendations (recommendation-index.ts): what goes into
// it, and a cheap signature that changes whenever any of that does.
import { sql } from 'kysely'
import type { Executor } from '../db/database'
import { total } from '../db/dialect/aggregates'
import { ifNull } from '../db/dialect/values'

/**
 * Counts, highest ids and total lengths of the recommendations, their addressees and the
 * organisations (with their groups) in one string (`||` joins text on both engines).
 */
export async function indexSignature(db: Executor): Promise<string> {
  const { rows } = await sql<{ s: string }>`SELECT
      (SELECT count(*) || ':' || ${ifNull(db, sql`max(id)`, sql`0`)} || ':' || ${total(db, sql`length(text) + length(title) + length(number) + length(${ifNull(db, sql`theme`, sql`''`)})`)} FROM recommendations) || '/' ||
      (SELECT count(*) || ':' || ${ifNull(db, sql`max(id)`, sql`0`)} FROM recommendation_addressees) || '/' ||
      (SELECT count(*) || ':' || ${total(db, sql`id * group_id`)} || ':' || ${total(db, sql`length(name)`)} FROM organisations) AS s`.execute(db)
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
