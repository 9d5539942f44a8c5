// PostgreSQL schema v4 (SQLite's 0009): letters can be put in a bin, restored exactly, or purged.
// A binned letter keeps its row and everything hanging on it, marked only by `deleted_at`. As on
// SQLite, the search tables hold the live letters only: the triggers drop a letter's row from
// letters_search (and its passages' rows from passages_search) when it goes into the bin and write
// them again when it comes out, so search, the prefix vocabulary (kept from letters_search) and
// the integrity check see live letters with no per-query condition. The views live_letters and
// live_passages name what the search tables index, as on SQLite.
import { sql, type Kysely } from 'kysely'
import { BIN_COLUMNS_AND_INDEXES } from '../../sqlite/migrations/0009-letters-bin'
import { document } from './0001-initial'

/** Live: a letter whose `deleted_at` is NULL; a passage whose letter is live. */
const letterIsLive = (letterId: string) => `EXISTS (SELECT 1 FROM letters WHERE id = ${letterId} AND deleted_at IS NULL)`

/**
 * The function that keeps a row of `table` in its search table while `live` holds, and out of it
 * otherwise (replacing 0001's, which kept every row).
 */
const keepWhileLive = (table: string, live: string, vector: string) => `CREATE OR REPLACE FUNCTION ${table}_search_keep() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF ${live} THEN
       INSERT INTO ${table}_search (id, document) VALUES (NEW.id, ${vector})
       ON CONFLICT (id) DO UPDATE SET document = EXCLUDED.document;
     ELSE
       DELETE FROM ${table}_search WHERE id = NEW.id;
     END IF;
     RETURN NULL;
   END $$`

const STATEMENTS = [
  // The same columns and indexes as SQLite's (PostgreSQL reads TEXT as text).
  ...BIN_COLUMNS_AND_INDEXES,
  `CREATE VIEW live_letters AS SELECT id, subject, body_text FROM letters WHERE deleted_at IS NULL`,
  `CREATE VIEW live_passages AS SELECT p.id, p.quote FROM passages p JOIN letters l ON l.id = p.letter_id WHERE l.deleted_at IS NULL`,

  // A letter: indexed while live, out of the index while binned. Replaces 0001's function; the
  // update trigger now also fires when deleted_at changes.
  keepWhileLive('letters', 'NEW.deleted_at IS NULL', `setweight(${document('NEW.subject')}, 'A') || setweight(${document('NEW.body_text')}, 'D')`),
  `DROP TRIGGER letters_search_update ON letters`,
  `CREATE TRIGGER letters_search_update AFTER UPDATE OF subject, body_text, deleted_at ON letters FOR EACH ROW EXECUTE FUNCTION letters_search_keep()`,

  // A passage: indexed while its letter is live. Watches letter_id too (a passage moved to a binned letter).
  keepWhileLive('passages', letterIsLive('NEW.letter_id'), `setweight(${document('NEW.quote')}, 'D')`),
  `DROP TRIGGER passages_search_update ON passages`,
  `CREATE TRIGGER passages_search_update AFTER UPDATE OF quote, letter_id ON passages FOR EACH ROW EXECUTE FUNCTION passages_search_keep()`,

  // A letter going into the bin takes its passages out of the index; coming out, puts them back.
  `CREATE FUNCTION letters_bin_passages_search() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN
       DELETE FROM passages_search s USING passages p WHERE s.id = p.id AND p.letter_id = NEW.id;
     ELSIF OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN
       INSERT INTO passages_search (id, document)
       SELECT p.id, setweight(${document('p.quote')}, 'D') FROM passages p WHERE p.letter_id = NEW.id
       ON CONFLICT (id) DO UPDATE SET document = EXCLUDED.document;
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER letters_bin_passages_search AFTER UPDATE OF deleted_at ON letters FOR EACH ROW EXECUTE FUNCTION letters_bin_passages_search()`,
]

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- runs before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}
