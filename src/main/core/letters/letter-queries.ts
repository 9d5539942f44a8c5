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
  return withLinkedNumbers(ctx, await letterSummaryRows(ctx.db, filter), filter.id === undefined ? undefined : [filter.id])
}

/** A list row as stored, before its linked recommendations are added. */
type SummaryRow = Omit<LetterSummary, 'format' | 'linkedRecommendations'> & { format: string }

/**
 * The rows as the contract gives them, each with the numbers of the recommendations it is linked
 * to in the report's order: one grouped query for the rows (of `letterIds`, or of every letter)
 * rather than one subquery per letter (a third of the list's time).
 */
export async function withLinkedNumbers(ctx: CoreContext, rows: SummaryRow[], letterIds: readonly number[] | undefined): Promise<LetterSummary[]> {
  const numbers = await linkedRecommendationNumbers(ctx.db, letterIds)
  const linked = new Map(numbers.map((row) => [row.letterId, JSON.parse(row.numbers) as string[]]))
  // Names are cleaned on the way out too: letters imported before names were cleaned on the way in.
  return rows.map(({ format, fileName, ...row }) => ({ ...row, fileName: cleanDisplayName(fileName, 'unnamed file'), format: format as LetterFormat, linkedRecommendations: linked.get(row.id) ?? [] }))
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
