// Schema: letters can be put in a bin, restored exactly, or purged. A letter in the bin keeps its
// row and every row that hangs on it (passages, links, chosen evidence, commitments, refusals,
// fingerprints), marked only by `deleted_at`: restoring (or undoing the delete) clears one column,
// so nothing is rebuilt and everything comes back byte for byte. What must not see binned letters:
//  - the full-text indexes: their content becomes views of the live letters and live passages, and
//    the triggers keep binned rows out, so search, reverse suggestions, the prefix vocabulary and
//    the FTS integrity check see the live letters only, with no per-query condition;
//  - every other query on letters: a `deleted_at IS NULL` condition (house-plan: "bin" test).
// The list's covering index and the search filters' narrow index become partial or gain the column
// so that those conditions are answered from the indexes, as before.
import { sql, type Kysely } from 'kysely'

/** The bin's columns and the letters' indexes that know of it; PostgreSQL's 0004 runs them as they are. */
export const BIN_COLUMNS_AND_INDEXES = [
  `ALTER TABLE letters ADD COLUMN deleted_at TEXT`,
  `ALTER TABLE letters ADD COLUMN deleted_by TEXT`,
  `CREATE INDEX letters_in_bin ON letters(deleted_at) WHERE deleted_at IS NOT NULL`,
  `DROP INDEX letters_list`,
  `CREATE INDEX letters_list ON letters(letter_date, id, organisation_id, subject, file_name, format, direction) WHERE deleted_at IS NULL`,
  `DROP INDEX letters_search_filters`,
  `CREATE INDEX letters_search_filters ON letters(id, organisation_id, letter_date, format, direction, deleted_at)`,
]

const STATEMENTS = [
  ...BIN_COLUMNS_AND_INDEXES,

  // Letters' full-text index over the live letters only.
  `DROP TABLE letters_vocabulary`,
  `DROP TRIGGER letters_fts_insert`,
  `DROP TRIGGER letters_fts_delete`,
  `DROP TRIGGER letters_fts_update`,
  `DROP TABLE letters_fts`,
  `CREATE VIEW live_letters AS SELECT id, subject, body_text FROM letters WHERE deleted_at IS NULL`,
  `CREATE VIRTUAL TABLE letters_fts USING fts5(
     subject, body_text, content='live_letters', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
   )`,
  `CREATE TRIGGER letters_fts_insert AFTER INSERT ON letters WHEN new.deleted_at IS NULL BEGIN
     INSERT INTO letters_fts(rowid, subject, body_text) VALUES (new.id, new.subject, new.body_text);
   END`,
  `CREATE TRIGGER letters_fts_delete AFTER DELETE ON letters WHEN old.deleted_at IS NULL BEGIN
     INSERT INTO letters_fts(letters_fts, rowid, subject, body_text) VALUES ('delete', old.id, old.subject, old.body_text);
   END`,
  // Also fires when a letter goes into the bin or comes out of it.
  `CREATE TRIGGER letters_fts_update AFTER UPDATE OF subject, body_text, deleted_at ON letters BEGIN
     INSERT INTO letters_fts(letters_fts, rowid, subject, body_text) SELECT 'delete', old.id, old.subject, old.body_text WHERE old.deleted_at IS NULL;
     INSERT INTO letters_fts(rowid, subject, body_text) SELECT new.id, new.subject, new.body_text WHERE new.deleted_at IS NULL;
   END`,
  `INSERT INTO letters_fts(letters_fts) VALUES ('rebuild')`,
  `CREATE VIRTUAL TABLE letters_vocabulary USING fts5vocab(letters_fts, row)`,

  // Passages' full-text index over the passages of live letters only. A passage is indexed when its
  // letter exists and is not in the bin; purging deletes a binned letter's passages before the
  // letter itself, so the delete trigger sees the letter still binned and leaves the index alone.
  `DROP TRIGGER passages_fts_insert`,
  `DROP TRIGGER passages_fts_delete`,
  `DROP TRIGGER passages_fts_update`,
  `DROP TABLE passages_fts`,
  `CREATE VIEW live_passages AS SELECT p.id, p.quote FROM passages p JOIN letters l ON l.id = p.letter_id WHERE l.deleted_at IS NULL`,
  `CREATE VIRTUAL TABLE passages_fts USING fts5(
     quote, content='live_passages', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
   )`,
  `CREATE TRIGGER passages_fts_insert AFTER INSERT ON passages BEGIN
     INSERT INTO passages_fts(rowid, quote) SELECT new.id, new.quote WHERE EXISTS (SELECT 1 FROM letters WHERE id = new.letter_id AND deleted_at IS NULL);
   END`,
  `CREATE TRIGGER passages_fts_delete AFTER DELETE ON passages BEGIN
     INSERT INTO passages_fts(passages_fts, rowid, quote) SELECT 'delete', old.id, old.quote WHERE NOT EXISTS (SELECT 1 FROM letters WHERE id = old.letter_id AND deleted_at IS NOT NULL);
   END`,
  `CREATE TRIGGER passages_fts_update AFTER UPDATE OF quote, letter_id ON passages BEGIN
     INSERT INTO passages_fts(passages_fts, rowid, quote) SELECT 'delete', old.id, old.quote WHERE NOT EXISTS (SELECT 1 FROM letters WHERE id = old.letter_id AND deleted_at IS NOT NULL);
     INSERT INTO passages_fts(rowid, quote) SELECT new.id, new.quote WHERE EXISTS (SELECT 1 FROM letters WHERE id = new.letter_id AND deleted_at IS NULL);
   END`,
  `CREATE TRIGGER letters_bin_passages_fts AFTER UPDATE OF deleted_at ON letters BEGIN
     INSERT INTO passages_fts(passages_fts, rowid, quote) SELECT 'delete', p.id, p.quote FROM passages p WHERE p.letter_id = new.id AND old.deleted_at IS NULL AND new.deleted_at IS NOT NULL;
     INSERT INTO passages_fts(rowid, quote) SELECT p.id, p.quote FROM passages p WHERE p.letter_id = new.id AND old.deleted_at IS NOT NULL AND new.deleted_at IS NULL;
   END`,
  `INSERT INTO passages_fts(passages_fts) VALUES ('rebuild')`,
]

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- runs before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}
