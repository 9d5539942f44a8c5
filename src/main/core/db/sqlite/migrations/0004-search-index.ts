// Schema v4: one narrow index for search filters. A search checks each full-text match against
// the filters (sender, date, format, direction); reading the letters table for that would read
// each letter's whole row (its text included), so this index, keyed by id and holding only the
// filtered columns, answers the check from a few small pages. See search/search-filters.ts.
import { sql, type Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- runs before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw('CREATE INDEX letters_search_filters ON letters(id, organisation_id, letter_date, format, direction)').execute(db)
}
