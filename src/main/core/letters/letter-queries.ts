// The letters list and one letter's details, as the contract gives them (the SQL is in
// letter-repository.ts).
import type { InferredField, LetterAttachment, LetterDetail, LetterFormat, LetterSummary } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import type { CoreContext } from '../context'
import { cleanDisplayName } from '../files/file-names'
import { listLinksForLetter } from '../links/link-service'
import { letterDetailRow, letterSummaryRows, linkedRecommendationNumbers, type LetterFilter } from './letter-repository'

export type { LetterFilter }

export async function listLetters(ctx: CoreContext, filter: LetterFilter = {}): Promise<LetterSummary[]> {
  const rows = await letterSummaryRows(ctx.db, filter)
  const linked = await linkedNumbers(ctx, filter.id)
  // Names are cleaned on the way out too: letters imported before names were cleaned on the way in.
  return rows.map(({ format, fileName, ...row }) => ({ ...row, fileName: cleanDisplayName(fileName, 'unnamed file'), format: format as LetterFormat, linkedRecommendations: linked.get(row.id) ?? [] }))
}

/**
 * The numbers of the recommendations each letter is linked to, in the report's order: one
 * grouped query for the list rather than one subquery per letter (a third of the list's time).
 */
async function linkedNumbers(ctx: CoreContext, letterId?: number): Promise<Map<number, string[]>> {
  const rows = await linkedRecommendationNumbers(ctx.db, letterId)
  return new Map(rows.map((row) => [row.letterId, JSON.parse(row.numbers) as string[]]))
}

export async function getLetter(ctx: CoreContext, id: number): Promise<LetterDetail> {
  const [summary] = await listLetters(ctx, { id })
  const row = await letterDetailRow(ctx.db, id)
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
    version: row.version,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  }
}
