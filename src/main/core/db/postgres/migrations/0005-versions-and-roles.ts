// PostgreSQL schema v5 (SQLite's 0010): versions on the shared texts a person edits, one link per
// letter (or passage) and recommendation by a unique index, and the people who only read.
// See the SQLite migration for why.
import { sql, type Kysely } from 'kysely'

const STATEMENTS = [
  `ALTER TABLE assessments ADD COLUMN version integer NOT NULL DEFAULT 1`,
  `ALTER TABLE group_preambles ADD COLUMN version integer NOT NULL DEFAULT 1`,
  // PostgreSQL adds the three columns in one statement (SQLite needs one each).
  ...['letters', 'organisations', 'recommendations'].map((table) => `ALTER TABLE ${table} ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_by text, ADD COLUMN updated_at text`),
  `CREATE UNIQUE INDEX links_once ON links(letter_id, recommendation_id, coalesce(passage_id, 0))`,
  `CREATE TABLE people (
     name citext PRIMARY KEY,
     role text NOT NULL CHECK (role IN ('editor', 'reader'))
   )`,
]

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- runs before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}
