// The SQL of letters and their originals: the list (tuned for 50,000 letters), one letter's
// details, storing an imported letter, and correcting what was inferred. The rules, errors and
// audit rows stay in the services (letter-queries.ts, store-letter.ts, update-letter.ts).
import { sql, type Insertable, type Updateable } from 'kysely'
import type { Executor } from '../db/database'
import { jsonGroupArray } from '../db/dialect/aggregates'
import { descNullsLast } from '../db/dialect/ordering'
import { alwaysTrue } from '../db/dialect/values'
import type { Database } from '../db/schema'

export interface LetterFilter {
  organisationId?: number
  linked?: 'all' | 'linked' | 'unlinked'
  /** Internal: one letter only (the reading view), even when it is in the bin. */
  id?: number
}

/** The list's rows, newest first and undated last. */
export async function letterSummaryRows(db: Executor, filter: LetterFilter) {
  let query = db
    .selectFrom('letters as l')
    .leftJoin('organisations as o', 'o.id', 'l.organisation_id')
    .leftJoin('stakeholder_groups as g', 'g.id', 'o.group_id')
    .select(['l.id', 'o.name as organisation', 'g.name as group', 'l.letter_date as date', 'l.subject', 'l.file_name as fileName', 'l.format', 'l.direction', 'l.deleted_at as deletedAt'])
  // Letters in the bin are listed nowhere but in the bin (the partial index letters_list holds only the others).
  query = filter.id !== undefined ? query.where('l.id', '=', filter.id) : query.where('l.deleted_at', 'is', null)
  if (filter.organisationId !== undefined) query = query.where('l.organisation_id', '=', filter.organisationId)
  if (filter.linked === 'linked') query = query.where(sql<boolean>`EXISTS (SELECT 1 FROM links WHERE letter_id = l.id)`)
  if (filter.linked === 'unlinked') query = query.where(sql<boolean>`NOT EXISTS (SELECT 1 FROM links WHERE letter_id = l.id)`)
  // Newest first, undated last: SQLite puts NULL after every date in descending order, so this
  // order is the letters_list index read backwards, with no sort step.
  return query.orderBy('l.letter_date', descNullsLast(db)).orderBy('l.id', 'desc').execute()
}

/**
 * For each linked letter (or only those listed), the numbers of its recommendations in the report's
 * order as a JSON array in text: one grouped query for the whole list rather than one subquery per
 * letter (a third of the list's time). The JSON aggregate is the engine's (dialect/aggregates.ts);
 * callers parse the text. The alias is quoted (PostgreSQL folds bare names to lower case) and the
 * subquery named (PostgreSQL requires it).
 */
export async function linkedRecommendationNumbers(db: Executor, letterIds?: readonly number[]): Promise<{ letterId: number; numbers: string }[]> {
  if (letterIds?.length === 0) return []
  const only = letterIds === undefined ? alwaysTrue(db) : sql`k.letter_id IN (${sql.join(letterIds)})`
  const { rows } = await sql<{ letterId: number; numbers: string }>`
    SELECT letter_id AS "letterId", ${jsonGroupArray(db, sql`number`, sql`position`)} AS numbers
    FROM (SELECT DISTINCT k.letter_id, r.number, r.position FROM links k JOIN recommendations r ON r.id = k.recommendation_id WHERE ${only}) AS linked
    GROUP BY letter_id`.execute(db)
  return rows
}

/** What the reading view shows beyond the list's row: the text, the inference, the original's size. */
export async function letterDetailRow(db: Executor, id: number) {
  return db
    .selectFrom('letters as l')
    .innerJoin('originals as f', 'f.sha256', 'l.original_sha256')
    .select(['l.signatory', 'l.body_text', 'l.imported_at', 'l.inference_json', 'l.recipient', 'l.ocr', 'l.parent_letter_id', 'l.attachments_json', 'f.size', 'f.sha256', 'l.version', 'l.updated_by', 'l.updated_at'])
    .where('l.id', '=', id)
    .executeTakeFirst()
}

/** The letter whose original has these bytes (by SHA-256), as an import outcome names it, or null. */
export async function letterWithOriginal(db: Executor, sha256: string) {
  const row = await db
    .selectFrom('letters as l')
    .leftJoin('organisations as o', 'o.id', 'l.organisation_id')
    .select(['l.id as letterId', 'o.name as organisation', 'l.letter_date as date', 'l.subject'])
    .where('l.original_sha256', '=', sha256)
    .executeTakeFirst()
  return row ?? null
}

export async function insertOriginal(db: Executor, sha256: string, bytes: Uint8Array): Promise<void> {
  await db.insertInto('originals').values({ sha256, size: bytes.length, bytes }).execute()
}

/** Stores the letter and gives its id (the full-text index follows by trigger). */
export async function insertLetter(db: Executor, letter: Insertable<Database['letters']>): Promise<number> {
  const { id } = await db.insertInto('letters').values(letter).returning('id').executeTakeFirstOrThrow()
  return id
}

/** The letter's attachments as stored: JSON [{ name, letterId, note }] in text. */
export async function attachmentsJsonOf(db: Executor, id: number): Promise<string> {
  return (await db.selectFrom('letters').select('attachments_json').where('id', '=', id).executeTakeFirstOrThrow()).attachments_json
}

export async function setAttachmentsJson(db: Executor, id: number, attachmentsJson: string): Promise<void> {
  await db.updateTable('letters').set({ attachments_json: attachmentsJson }).where('id', '=', id).execute()
}

/** The fields a person may correct, as stored, with the organisation's name. */
export async function correctableFields(db: Executor, id: number) {
  return db
    .selectFrom('letters as l')
    .leftJoin('organisations as o', 'o.id', 'l.organisation_id')
    .select(['l.organisation_id', 'o.name as organisation', 'l.letter_date', 'l.subject', 'l.signatory', 'l.inference_json', 'l.version'])
    .where('l.id', '=', id)
    .executeTakeFirst()
}

export async function nameOfOrganisation(db: Executor, id: number): Promise<string | undefined> {
  return (await db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst())?.name
}

export async function updateLetterFields(db: Executor, id: number, fields: Updateable<Database['letters']>): Promise<void> {
  await db.updateTable('letters').set(fields).where('id', '=', id).execute()
}
