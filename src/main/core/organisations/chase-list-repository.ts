// The chase list's SQL: organisations with their groups, the addressees of every recommendation,
// and one pass over the letters' narrow search index for when each organisation last wrote and
// was written to.
import { sql } from 'kysely'
import type { Executor } from '../db/database'
import { indexedBy } from '../db/dialect/index-hints'

export interface LetterDatesRow {
  organisation_id: number
  last_in: string | null
  last_out: string | null
  in_cycle_in: string | null
  in_cycle_out: string | null
}

export async function organisationsWithGroups(db: Executor): Promise<{ id: number; name: string; group_id: number; group: string; position: number }[]> {
  return db
    .selectFrom('organisations as o')
    .innerJoin('stakeholder_groups as g', 'g.id', 'o.group_id')
    .select(['o.id', 'o.name', 'o.group_id', 'g.name as group', 'g.position'])
    .execute()
}

/** Every addressee (an organisation or a whole group) with its recommendation's number, in report then register order. */
export async function addresseesInOrder(db: Executor): Promise<{ number: string; position: number; report_id: number; organisation_id: number | null; group_id: number | null }[]> {
  return db
    .selectFrom('recommendation_addressees as ra')
    .innerJoin('recommendations as r', 'r.id', 'ra.recommendation_id')
    .select(['r.number', 'r.position', 'r.report_id', 'ra.organisation_id', 'ra.group_id'])
    .orderBy('r.report_id')
    .orderBy('r.position')
    .execute()
}

/**
 * Per organisation, the latest incoming and outgoing letter dates up to today, overall and between
 * `from` and `to` (ISO dates, inclusive). Reads the narrow search index, never the letters' text.
 * SQLite is told which index (db/dialect/index-hints.ts); PostgreSQL's planner picks it.
 */
export async function letterDatesByOrganisation(db: Executor, from: string, to: string, today: string): Promise<LetterDatesRow[]> {
  const { rows } = await sql<LetterDatesRow>`
    SELECT organisation_id,
      max(CASE WHEN direction = 'incoming' THEN substr(letter_date, 1, 10) END) AS last_in,
      max(CASE WHEN direction = 'outgoing' THEN substr(letter_date, 1, 10) END) AS last_out,
      max(CASE WHEN direction = 'incoming' AND substr(letter_date, 1, 10) BETWEEN ${from} AND ${to} THEN substr(letter_date, 1, 10) END) AS in_cycle_in,
      max(CASE WHEN direction = 'outgoing' AND substr(letter_date, 1, 10) BETWEEN ${from} AND ${to} THEN substr(letter_date, 1, 10) END) AS in_cycle_out
    FROM letters ${indexedBy(db, 'letters_search_filters')}
    WHERE organisation_id IS NOT NULL AND letter_date IS NOT NULL AND deleted_at IS NULL AND substr(letter_date, 1, 10) <= ${today}
    GROUP BY organisation_id`.execute(db)
  return rows
}
