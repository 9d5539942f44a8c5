// Schema v2: the review workspace (passages re-anchored by text, remembered suggestion rejections,
// chosen evidence, commitments, saved searches, undoable history, search over passages and
// narratives). Plain SQL for the same reason as 0001: STRICT tables, FTS5 and triggers are SQLite's own.
import { sql, type Kysely } from 'kysely'

/**
 * An FTS5 index over one text column of `table` (an external-content table), kept in step by
 * triggers and built from the rows already there. The statements' text is what this migration has
 * always written: SQLite keeps it in the schema.
 */
function contentIndex(table: string, column: string): string[] {
  const fts = `${table}_fts`
  return [
    `CREATE VIRTUAL TABLE ${fts} USING fts5(
     ${column}, content='${table}', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
   )`,
    `CREATE TRIGGER ${fts}_insert AFTER INSERT ON ${table} BEGIN
     INSERT INTO ${fts}(rowid, ${column}) VALUES (new.id, new.${column});
   END`,
    `CREATE TRIGGER ${fts}_delete AFTER DELETE ON ${table} BEGIN
     INSERT INTO ${fts}(${fts}, rowid, ${column}) VALUES ('delete', old.id, old.${column});
   END`,
    `CREATE TRIGGER ${fts}_update AFTER UPDATE OF ${column} ON ${table} BEGIN
     INSERT INTO ${fts}(${fts}, rowid, ${column}) VALUES ('delete', old.id, old.${column});
     INSERT INTO ${fts}(rowid, ${column}) VALUES (new.id, new.${column});
   END`,
    `INSERT INTO ${fts}(${fts}) VALUES ('rebuild')`,
  ]
}

// Tables PostgreSQL's 0001 creates from this same text (postgres/migrations/from-sqlite.ts).
export const SUGGESTION_REJECTIONS = `CREATE TABLE suggestion_rejections (
     id INTEGER PRIMARY KEY,
     letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
     recommendation_id INTEGER NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
     rejected_by TEXT NOT NULL,
     rejected_at TEXT NOT NULL,
     UNIQUE (letter_id, recommendation_id)
   ) STRICT`

export const ASSESSMENT_EVIDENCE = `CREATE TABLE assessment_evidence (
     id INTEGER PRIMARY KEY,
     assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
     link_id INTEGER NOT NULL REFERENCES links(id) ON DELETE CASCADE,
     UNIQUE (assessment_id, link_id)
   ) STRICT`

export const COMMITMENTS = `CREATE TABLE commitments (
     id INTEGER PRIMARY KEY,
     letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
     start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
     end_offset INTEGER NOT NULL CHECK (end_offset > start_offset),
     text TEXT NOT NULL,
     due_on TEXT NOT NULL,
     due_text TEXT NOT NULL,
     recommendation_id INTEGER REFERENCES recommendations(id) ON DELETE SET NULL,
     status TEXT NOT NULL CHECK (status IN ('open', 'met', 'missed', 'dismissed')),
     note TEXT,
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     UNIQUE (letter_id, start_offset, end_offset)
   ) STRICT`

export const SAVED_VIEWS = `CREATE TABLE saved_views (
     id INTEGER PRIMARY KEY,
     name TEXT NOT NULL UNIQUE COLLATE NOCASE,
     query TEXT NOT NULL,
     filters_json TEXT NOT NULL DEFAULT '{}',
     sort TEXT NOT NULL DEFAULT 'relevance' CHECK (sort IN ('relevance', 'date')),
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   ) STRICT`

const statements = [
  // A passage keeps a little text either side of the quote, so that when the letter's text is
  // re-extracted the right one of several identical quotes can be found again.
  `ALTER TABLE passages ADD COLUMN prefix TEXT NOT NULL DEFAULT ''`,
  `ALTER TABLE passages ADD COLUMN suffix TEXT NOT NULL DEFAULT ''`,
  `ALTER TABLE passages ADD COLUMN anchor TEXT NOT NULL DEFAULT 'exact' CHECK (anchor IN ('exact', 'moved', 'fuzzy', 'lost'))`,
  `CREATE INDEX links_by_passage ON links(passage_id)`,

  // "Reject" on a suggestion is remembered per letter, so it is never offered again for that letter.
  SUGGESTION_REJECTIONS,

  // The links an assessment rests on, when a person has chosen them (otherwise the evidence is
  // every link from a letter dated within the cycle).
  ASSESSMENT_EVIDENCE,
  `CREATE INDEX assessment_evidence_by_link ON assessment_evidence(link_id)`,

  // Dated promises found in letters. Offers are computed from the text on demand; a row exists
  // once a person has accepted (open) or dismissed one, so a dismissed offer is not made again.
  COMMITMENTS,
  `CREATE INDEX commitments_by_status ON commitments(status, due_on)`,

  SAVED_VIEWS,

  // Undo needs the exact rows a change touched; the per-item history needs every item a change
  // concerned (a link concerns its letter and its recommendation as well as itself).
  `ALTER TABLE audit_log ADD COLUMN changes_json TEXT`,
  `CREATE TABLE audit_subjects (
     entity TEXT NOT NULL,
     entity_id INTEGER NOT NULL,
     audit_id INTEGER NOT NULL REFERENCES audit_log(id) ON DELETE CASCADE,
     PRIMARY KEY (entity, entity_id, audit_id)
   ) STRICT, WITHOUT ROWID`,

  // Search over passages (their quotes) and the committee's narratives, kept in step by triggers.
  ...contentIndex('passages', 'quote'),
  ...contentIndex('assessments', 'narrative'),
]

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- runs before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
