// The search's reads outside the full-text index: the group a filter names, and the details of
// the letters and passages on the page of results (read for the page's rows only).
import { sql } from 'kysely'
import type { Executor } from '../db/database'
import { groupConcat } from '../db/dialect/aggregates'

/** A letter as shown in the results (with its text, for the snippet). */
export interface PageLetterRow {
  id: number
  letter_date: string | null
  subject: string | null
  file_name: string
  format: string
  organisation: string | null
  grp: string | null
  body_text?: string
}

export async function stakeholderGroupIdByName(db: Executor, name: string): Promise<number | null> {
  return (await db.selectFrom('stakeholder_groups').select('id').where('name', '=', name).executeTakeFirst())?.id ?? null
}

/** Details and text of the letters on the page, by id. */
export async function lettersForPage(db: Executor, ids: number[]): Promise<Map<number, PageLetterRow>> {
  if (ids.length === 0) return new Map()
  const { rows } = await sql<PageLetterRow>`
    SELECT l.id, l.letter_date, l.subject, l.file_name, l.format, o.name AS organisation, g.name AS grp, l.body_text
    FROM letters l LEFT JOIN organisations o ON o.id = l.organisation_id LEFT JOIN stakeholder_groups g ON g.id = o.group_id
    WHERE l.id IN (${sql.join(ids)})`.execute(db)
  return new Map(rows.map((r) => [r.id, r]))
}

/** "12, 12b": the numbers of the recommendations each passage is linked to, by passage id. */
export async function linkedNumbersOfPassages(db: Executor, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const { rows } = await sql<{ id: number; numbers: string }>`
    SELECT k.passage_id AS id, ${groupConcat(db, sql`r.number`, ', ')} AS numbers FROM links k JOIN recommendations r ON r.id = k.recommendation_id
    WHERE k.passage_id IN (${sql.join(ids)}) GROUP BY k.passage_id`.execute(db)
  return new Map(rows.map((r) => [r.id, r.numbers]))
}
