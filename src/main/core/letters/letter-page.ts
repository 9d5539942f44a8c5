// The letters list a page at a time (letters.list): filtered in the database, newest first and
// undated last, with the total. A page continues from an opaque cursor holding the last row's
// date and id (keyset), so letters inserted or deleted elsewhere never shift, repeat or skip
// rows; a jump (the end of a long list) starts from a position instead.
import type { LetterPage } from '../../../shared/domain/dto'
import { LETTER_PAGE_ROWS } from '../../../shared/api/limits'
import { AppError } from '../../../shared/api/errors'
import type { CoreContext } from '../context'
import { filterContext } from '../search/search-service'
import { countListedLetters, letterPageRows, type ListPosition } from './letter-page-repository'
import { withLinkedNumbers } from './letter-queries'

/** Words beyond this many are ignored: each is a scan of the filtered letters. */
const MAX_WORDS = 12

export interface LetterPageInput {
  organisationId?: number | undefined
  group?: string | undefined
  cycleId?: number | undefined
  format?: LetterPage['rows'][number]['format'] | undefined
  dateFrom?: string | undefined
  dateTo?: string | undefined
  linked?: 'all' | 'linked' | 'unlinked' | undefined
  words?: string | undefined
  direction?: 'incoming' | 'outgoing' | undefined
  bin?: boolean | undefined
  cursor?: string | undefined
  offset?: number | undefined
  limit?: number | undefined
}

export async function listLetterPage(ctx: CoreContext, input: LetterPageInput): Promise<LetterPage> {
  if (input.cursor !== undefined && input.offset !== undefined) throw new AppError('invalid_input', 'A page of letters starts at a cursor or at an offset, not both.')
  const { words, direction, bin, cursor, offset, limit = LETTER_PAGE_ROWS, linked, ...filters } = input
  const context = await filterContext(ctx.db, { ...filters, ...(linked === 'all' || linked === undefined ? {} : { linked }) })
  const query = { context, words: (words ?? '').trim().split(/\s+/).filter(Boolean).slice(0, MAX_WORDS), direction, bin: bin === true }
  const start = cursor === undefined ? (offset ?? 0) : decodeCursor(cursor)
  // One row more than the page says whether another page follows.
  const [rows, total] = await Promise.all([letterPageRows(ctx.db, query, start, limit + 1), countListedLetters(ctx.db, query)])
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return {
    rows: await withLinkedNumbers(ctx, page, page.map((row) => row.id)),
    total,
    nextCursor: rows.length > limit && last ? encodeCursor({ date: last.date, id: last.id }) : null,
  }
}

function encodeCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify([position.date, position.id])).toString('base64url')
}

function decodeCursor(cursor: string): ListPosition {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    value = null
  }
  if (Array.isArray(value) && value.length === 2 && (value[0] === null || typeof value[0] === 'string') && Number.isSafeInteger(value[1]) && (value[1] as number) > 0) {
    return { date: value[0] as string | null, id: value[1] as number }
  }
  throw new AppError('invalid_input', 'That cursor is not one the letters list gave out; start the list again from its first page.')
}
