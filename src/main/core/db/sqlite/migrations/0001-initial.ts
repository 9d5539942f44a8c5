// Schema v1. Plain SQL, because STRICT tables, FTS5 and triggers are SQLite's own and read best
// as SQLite. Every table is STRICT so a wrong type is an error, not a silent conversion.
import { sql, type Kysely } from 'kysely'
import { DEFAULT_GROUPS } from '../../../../../shared/domain/groups'

const statements = [
  `CREATE TABLE stakeholder_groups (
     id INTEGER PRIMARY KEY,
     name TEXT NOT NULL UNIQUE COLLATE NOCASE,
     position INTEGER NOT NULL
   ) STRICT`,

  `CREATE TABLE organisations (
     id INTEGER PRIMARY KEY,
     name TEXT NOT NULL UNIQUE COLLATE NOCASE,
     group_id INTEGER NOT NULL REFERENCES stakeholder_groups(id),
     created_at TEXT NOT NULL
   ) STRICT`,
  `CREATE TABLE organisation_aliases (
     organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
     alias TEXT NOT NULL,
     PRIMARY KEY (organisation_id, alias)
   ) STRICT`,
  `CREATE TABLE organisation_domains (
     organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
     domain TEXT NOT NULL UNIQUE COLLATE NOCASE,
     PRIMARY KEY (organisation_id, domain)
   ) STRICT`,

  `CREATE TABLE reports (
     id INTEGER PRIMARY KEY,
     title TEXT NOT NULL UNIQUE,
     year INTEGER,
     reference TEXT,
     created_at TEXT NOT NULL
   ) STRICT`,
  `CREATE TABLE recommendations (
     id INTEGER PRIMARY KEY,
     report_id INTEGER NOT NULL REFERENCES reports(id),
     number TEXT NOT NULL,
     title TEXT NOT NULL,
     text TEXT NOT NULL,
     theme TEXT,
     position INTEGER NOT NULL,
     UNIQUE (report_id, number)
   ) STRICT`,
  `CREATE TABLE recommendation_addressees (
     id INTEGER PRIMARY KEY,
     recommendation_id INTEGER NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
     organisation_id INTEGER REFERENCES organisations(id),
     group_id INTEGER REFERENCES stakeholder_groups(id),
     CHECK ((organisation_id IS NULL) <> (group_id IS NULL))
   ) STRICT`,
  `CREATE INDEX recommendation_addressees_by_recommendation ON recommendation_addressees(recommendation_id)`,

  `CREATE TABLE cycles (
     id INTEGER PRIMARY KEY,
     name TEXT NOT NULL UNIQUE COLLATE NOCASE,
     starts_on TEXT,
     ends_on TEXT,
     created_at TEXT NOT NULL
   ) STRICT`,

  // Originals are kept byte for byte, content-addressed, in their own table so that the letters
  // table stays small to scan and an import is one transaction with its original.
  `CREATE TABLE originals (
     sha256 TEXT PRIMARY KEY,
     size INTEGER NOT NULL,
     bytes BLOB NOT NULL
   ) STRICT`,
  `CREATE TABLE letters (
     id INTEGER PRIMARY KEY,
     original_sha256 TEXT NOT NULL UNIQUE REFERENCES originals(sha256),
     file_name TEXT NOT NULL,
     format TEXT NOT NULL,
     direction TEXT NOT NULL DEFAULT 'incoming' CHECK (direction IN ('incoming', 'outgoing')),
     organisation_id INTEGER REFERENCES organisations(id),
     signatory TEXT,
     letter_date TEXT,
     subject TEXT,
     body_text TEXT NOT NULL,
     inference_json TEXT NOT NULL DEFAULT '{}',
     imported_at TEXT NOT NULL,
     import_method TEXT NOT NULL
   ) STRICT`,
  `CREATE INDEX letters_by_organisation ON letters(organisation_id, letter_date)`,
  `CREATE INDEX letters_by_date ON letters(letter_date)`,

  `CREATE TABLE passages (
     id INTEGER PRIMARY KEY,
     letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
     start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
     end_offset INTEGER NOT NULL CHECK (end_offset > start_offset),
     quote TEXT NOT NULL,
     created_at TEXT NOT NULL
   ) STRICT`,
  `CREATE INDEX passages_by_letter ON passages(letter_id)`,
  `CREATE TABLE links (
     id INTEGER PRIMARY KEY,
     letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
     passage_id INTEGER REFERENCES passages(id) ON DELETE CASCADE,
     recommendation_id INTEGER NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
     note TEXT,
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL
   ) STRICT`,
  `CREATE INDEX links_by_letter ON links(letter_id)`,
  `CREATE INDEX links_by_recommendation ON links(recommendation_id)`,

  `CREATE TABLE assessments (
     id INTEGER PRIMARY KEY,
     recommendation_id INTEGER NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
     cycle_id INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
     status TEXT NOT NULL,
     response TEXT,
     narrative TEXT NOT NULL DEFAULT '',
     updated_by TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     UNIQUE (recommendation_id, cycle_id)
   ) STRICT`,

  `CREATE TABLE audit_log (
     id INTEGER PRIMARY KEY,
     at TEXT NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     entity TEXT NOT NULL,
     entity_id INTEGER,
     before_json TEXT,
     after_json TEXT
   ) STRICT`,
  `CREATE INDEX audit_by_entity ON audit_log(entity, entity_id)`,

  `CREATE TABLE settings (
     key TEXT PRIMARY KEY,
     value TEXT NOT NULL
   ) STRICT`,

  // Full-text search. External-content tables keep one copy of the text; triggers keep them in step.
  `CREATE VIRTUAL TABLE letters_fts USING fts5(
     subject, body_text, content='letters', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
   )`,
  `CREATE TRIGGER letters_fts_insert AFTER INSERT ON letters BEGIN
     INSERT INTO letters_fts(rowid, subject, body_text) VALUES (new.id, new.subject, new.body_text);
   END`,
  `CREATE TRIGGER letters_fts_delete AFTER DELETE ON letters BEGIN
     INSERT INTO letters_fts(letters_fts, rowid, subject, body_text) VALUES ('delete', old.id, old.subject, old.body_text);
   END`,
  `CREATE TRIGGER letters_fts_update AFTER UPDATE OF subject, body_text ON letters BEGIN
     INSERT INTO letters_fts(letters_fts, rowid, subject, body_text) VALUES ('delete', old.id, old.subject, old.body_text);
     INSERT INTO letters_fts(rowid, subject, body_text) VALUES (new.id, new.subject, new.body_text);
   END`,
  `CREATE VIRTUAL TABLE recommendations_fts USING fts5(
     number, title, text, content='recommendations', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
   )`,
  `CREATE TRIGGER recommendations_fts_insert AFTER INSERT ON recommendations BEGIN
     INSERT INTO recommendations_fts(rowid, number, title, text) VALUES (new.id, new.number, new.title, new.text);
   END`,
  `CREATE TRIGGER recommendations_fts_delete AFTER DELETE ON recommendations BEGIN
     INSERT INTO recommendations_fts(recommendations_fts, rowid, number, title, text) VALUES ('delete', old.id, old.number, old.title, old.text);
   END`,
  `CREATE TRIGGER recommendations_fts_update AFTER UPDATE OF number, title, text ON recommendations BEGIN
     INSERT INTO recommendations_fts(recommendations_fts, rowid, number, title, text) VALUES ('delete', old.id, old.number, old.title, old.text);
     INSERT INTO recommendations_fts(rowid, number, title, text) VALUES (new.id, new.number, new.title, new.text);
   END`,
]

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- runs before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
  for (const [position, name] of DEFAULT_GROUPS.entries()) {
    await sql`INSERT INTO stakeholder_groups (name, position) VALUES (${name}, ${position})`.execute(db)
  }
}
