// Schema v3, for letter import in every format: OCR flag, e-mail attachments linked to their
// e-mail, the recipient, attachments listed by name, and near-duplicate fingerprints.
import { sql, type Kysely } from 'kysely'

const statements = [
  // OCR text may hold recognition errors; people should know which letters were read that way.
  `ALTER TABLE letters ADD COLUMN ocr INTEGER NOT NULL DEFAULT 0 CHECK (ocr IN (0, 1))`,
  // An attachment that is a letter of its own points at the e-mail that carried it.
  `ALTER TABLE letters ADD COLUMN parent_letter_id INTEGER REFERENCES letters(id) ON DELETE SET NULL`,
  `ALTER TABLE letters ADD COLUMN recipient TEXT`,
  // The e-mail's attachments as [{ name, letterId, note }]: letters, and files only listed.
  `ALTER TABLE letters ADD COLUMN attachments_json TEXT NOT NULL DEFAULT '[]'`,
  `CREATE INDEX letters_by_parent ON letters(parent_letter_id) WHERE parent_letter_id IS NOT NULL`,

  // MinHash signature of a letter's normalised text (64 × uint32), and its 16 LSH band keys:
  // a new letter is compared only with letters sharing a band key, found through the index.
  `CREATE TABLE letter_fingerprints (
     letter_id INTEGER PRIMARY KEY REFERENCES letters(id) ON DELETE CASCADE,
     signature BLOB NOT NULL
   ) STRICT`,
  `CREATE TABLE letter_fingerprint_bands (
     band_key INTEGER NOT NULL,
     letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
     PRIMARY KEY (band_key, letter_id)
   ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX letter_fingerprint_bands_by_letter ON letter_fingerprint_bands(letter_id)`,

  // Near-duplicates found on import, kept until someone merges the two or dismisses the pair.
  `CREATE TABLE near_duplicates (
     letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
     duplicate_of INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
     similarity REAL NOT NULL,
     dismissed INTEGER NOT NULL DEFAULT 0 CHECK (dismissed IN (0, 1)),
     found_at TEXT NOT NULL,
     PRIMARY KEY (letter_id, duplicate_of),
     CHECK (letter_id <> duplicate_of)
   ) STRICT`,
  `CREATE INDEX near_duplicates_by_other ON near_duplicates(duplicate_of)`,
]

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- runs before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
