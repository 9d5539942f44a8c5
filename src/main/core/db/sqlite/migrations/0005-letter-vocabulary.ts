// Schema v5: a read-only view of the words in the letters' full-text index (fts5vocab). A prefix
// search such as `poli*` is answered much faster as `police OR policy OR policing` than by FTS5's
// own prefix merge, which reads and merges every matching word's list of letters on each of the
// search's passes; this table lists the words that start so. See search/prefix-expansion.ts.
import { sql, type Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- runs before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw('CREATE VIRTUAL TABLE letters_vocabulary USING fts5vocab(letters_fts, row)').execute(db)
}
