import { sql } from 'kysely'
import type { InferredField, LetterAttachment, LetterDetail, LetterFormat, LetterSummary } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import type { CoreContext } from '../context'
import { jsonGroupArray } from '../db/dialect/aggregates'
import { descNullsLast } from '../db/dialect/ordering'
import { alwaysTrue } from '../db/dialect/values'
import { cleanDisplayName } from '../files/file-names'
import { listLinksForLetter } from '../links/link-service'

export interface LetterFilter {
  organisationId?: number
  linked?: 'all' | 'linked' | 'unlinked'
  /** Internal: one letter only (the reading view). */
  id?: number
}

export async function listLetters(ctx: CoreContext, filter: LetterFilter = {}): Promise<LetterSummary[]> {
  let query = ctx.db
    .selectFrom('letters as l')
    .leftJoin('organisations as o', 'o.id', 'l.organisation_id')
    .leftJoin('stakeholder_groups as g', 'g.id', 'o.group_id')
    .select(['l.id', 'o.name as organisation', 'g.name as group', 'l.letter_date as date', 'l.subject', 'l.file_name as fileName', 'l.format'])
  if (filter.id !== undefined) query = query.where('l.id', '=', filter.id)
  if (filter.organisationId !== undefined) query = query.where('l.organisation_id', '=', filter.organisationId)
  if (filter.linked === 'linked') query = query.where(sql<boolean>`EXISTS (SELECT 1 FROM links WHERE letter_id = l.id)`)
  if (filter.linked === 'unlinked') query = query.where(sql<boolean>`NOT EXISTS (SELECT 1 FROM links WHERE letter_id = l.id)`)
  // Newest first, undated last: SQLite puts NULL after every date in descending order, so this
  // order is the letters_list index read backwards, with no sort step.
  const rows = await query.orderBy('l.letter_date', descNullsLast(ctx.db)).orderBy('l.id', 'desc').execute()
  const linked = await linkedNumbers(ctx, filter.id)
  // Names are cleaned on the way out too: letters imported before names were cleaned on the way in.
  return rows.map(({ format, fileName, ...row }) => ({ ...row, fileName: cleanDisplayName(fileName, 'unnamed file'), format: format as LetterFormat, linkedRecommendations: linked.get(row.id) ?? [] }))
}

/**
 * The numbers of the recommendations each letter is linked to, in the report's order: one
 * grouped query for the list rather than one subquery per letter (a third of the list's time).
 */
async function linkedNumbers(ctx: CoreContext, letterId?: number): Promise<Map<number, string[]>> {
  const only = letterId === undefined ? alwaysTrue(ctx.db) : sql`k.letter_id = ${letterId}`
  // The alias is quoted (PostgreSQL folds bare names to lower case) and so is the subquery named.
  const { rows } = await sql<{ letterId: number; numbers: string }>`
    SELECT letter_id AS "letterId", ${jsonGroupArray(ctx.db, sql`number`, sql`position`)} AS numbers
    FROM (SELECT DISTINCT k.letter_id, r.number, r.position FROM links k JOIN recommendations r ON r.id = k.recommendation_id WHERE ${only}) AS linked
    GROUP BY letter_id`.execute(ctx.db)
  return new Map(rows.map((row) => [row.letterId, JSON.parse(row.numbers) as string[]]))
}

export async function getLetter(ctx: CoreContext, id: number): Promise<LetterDetail> {
  const [summary] = await listLetters(ctx, { id })
  const row = await ctx.db
    .selectFrom('letters as l')
    .innerJoin('originals as f', 'f.sha256', 'l.original_sha256')
    .select(['l.signatory', 'l.body_text', 'l.imported_at', 'l.inference_json', 'l.recipient', 'l.ocr', 'l.parent_letter_id', 'l.attachments_json', 'f.size', 'f.sha256'])
    .where('l.id', '=', id)
    .executeTakeFirst()
  if (!summary || !row) throw new AppError('not_found', `There is no letter with id ${id}.`)
  return {
    ...summary,
    signatory: row.signatory,
    recipient: row.recipient,
    ocr: row.ocr === 1,
    parentLetterId: row.parent_letter_id,
    attachments: (JSON.parse(row.attachments_json) as LetterAttachment[]).map((a, index) => ({ ...a, name: cleanDisplayName(a.name, `attachment ${index + 1}`) })),
    bodyText: row.body_text,
    importedAt: row.imported_at,
    sizeBytes: row.size,
    sha256: row.sha256,
    inference: JSON.parse(row.inference_json) as Record<string, InferredField>,
    links: await listLinksForLetter(ctx, id),
  }
}
