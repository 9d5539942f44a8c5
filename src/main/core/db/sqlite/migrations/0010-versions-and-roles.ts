// Schema v10: no lost updates, and who may change things (issue 14).
//  - The shared texts a person edits (assessments, letter details, framing paragraphs, organisations
//    and recommendations) carry a `version`, 1 when made and one more at every save, and who saved
//    last and when. A save names the version it started from and is refused when another has
//    replaced it (compare-and-set in the UPDATE), so two people can never silently overwrite each other.
//  - A letter (or passage) is linked to a recommendation once, by a unique index rather than a
//    check before the insert; `coalesce` because NULLs (whole-letter links) never collide in an index.
//  - `people` names who is a reader (reads only) or an editor; with no rows everyone is an editor.
import { sql, type Kysely } from 'kysely'

const STATEMENTS = [
  `ALTER TABLE assessments ADD COLUMN version INTEGER NOT NULL DEFAULT 1`,
  `ALTER TABLE group_preambles ADD COLUMN version INTEGER NOT NULL DEFAULT 1`,
  ...['letters', 'organisations', 'recommendations'].flatMap((table) => [
    `ALTER TABLE ${table} ADD COLUMN version INTEGER NOT NULL DEFAULT 1`,
    `ALTER TABLE ${table} ADD COLUMN updated_by TEXT`,
    `ALTER TABLE ${table} ADD COLUMN updated_at TEXT`,
  ]),
  `CREATE UNIQUE INDEX links_once ON links(letter_id, recommendation_id, coalesce(passage_id, 0))`,
  `CREATE TABLE people (
     name TEXT PRIMARY KEY COLLATE NOCASE,
     role TEXT NOT NULL CHECK (role IN ('editor', 'reader'))
   ) STRICT`,
]

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- runs before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}
