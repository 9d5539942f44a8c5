// The SQL of the letters list's pages: the rows after a position (keyset) or from an offset, and
// how many letters pass the filters. The filters are the search's letter filters
// (search-filters-repository.ts) plus the list's own: words, direction, the bin.
import { sql, type RawBuilder } from 'kysely'
import type { Executor } from '../db/database'
import { descNullsLast } from '../db/dialect/ordering'
import { letterTableConditions } from '../search/search-filters-repository'
import type { FilterContext } from '../search/search-filters'

type Condition = RawBuilder<unknown>

/** Where a page starts: after the row with this date and id, in the list's order. */
export interface ListPosition {
  date: string | null
  id: number
}

export interface LetterListQuery {
  context: FilterContext
  /** Each must appear (any case) in the sender's name, the subject, the file name or a linked recommendation's number. */
  words: string[]
  direction: 'incoming' | 'outgoing' | undefined
  bin: boolean
}

/** The conditions on `l` (the letters table) for the filters; never empty (the bin or not). */
function conditions(query: LetterListQuery): Condition[] {
  const all: Condition[] = [query.bin ? sql`l.deleted_at IS NOT NULL` : sql`l.deleted_at IS NULL`, ...letterTableConditions(query.context)]
  if (query.direction !== undefined) all.push(sql`l.direction = ${query.direction}`)
  for (const word of query.words) all.push(containsWord(word))
  return all
}

/** The word (any case) in the sender's name, the subject, the file name or a linked recommendation's number. */
function containsWord(word: string): Condition {
  const pattern = `%${word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const like = (expression: Condition) => sql`lower(${expression}) LIKE ${pattern} ESCAPE ${sql.raw("'\\'")}`
  return sql`(${like(sql`l.subject`)} OR ${like(sql`l.file_name`)}
    OR l.organisation_id IN (SELECT o2.id FROM organisations o2 WHERE ${like(sql`o2.name`)})
    OR EXISTS (SELECT 1 FROM links k2 JOIN recommendations r2 ON r2.id = k2.recommendation_id WHERE k2.letter_id = l.id AND ${like(sql`r2.number`)}))`
}

/** After `position` in the order newest first, undated last, then highest id first. */
function after(position: ListPosition): Condition {
  return position.date === null
    ? sql`(l.letter_date IS NULL AND l.id < ${position.id})`
    : sql`(l.letter_date < ${position.date} OR (l.letter_date = ${position.date} AND l.id < ${position.id}) OR l.letter_date IS NULL)`
}

/** Up to `limit` rows of the list, after `start` (a position) or skipping `start` rows (a number). */
export async function letterPageRows(db: Executor, query: LetterListQuery, start: ListPosition | number, limit: number) {
  const where = conditions(query)
  if (typeof start !== 'number') where.push(after(start))
  return db
    .selectFrom('letters as l')
    .leftJoin('organisations as o', 'o.id', 'l.organisation_id')
    .leftJoin('stakeholder_groups as g', 'g.id', 'o.group_id')
    .select(['l.id', 'o.name as organisation', 'g.name as group', 'l.letter_date as date', 'l.subject', 'l.file_name as fileName', 'l.format', 'l.direction', 'l.deleted_at as deletedAt'])
    .where(sql<boolean>`${sql.join(where, sql` AND `)}`)
    .orderBy('l.letter_date', descNullsLast(db))
    .orderBy('l.id', 'desc')
    .limit(limit)
    .offset(typeof start === 'number' ? start : 0)
    .execute()
}

/** How many letters pass the filters. */
export async function countListedLetters(db: Executor, query: LetterListQuery): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`SELECT count(*) AS n FROM letters l WHERE ${sql.join(conditions(query), sql` AND `)}`.execute(db)
  // PostgreSQL's count is a bigint, which its driver gives as text.
  return Number(rows[0]?.n ?? 0)
}
