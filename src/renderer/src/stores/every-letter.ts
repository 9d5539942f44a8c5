// Every letter passing some filters, page after page, for a store that needs them all at once
// (the recommendations whose evidence falls in a cycle): the largest pages, each by key.
import type { MethodInput } from '../../../shared/api/contract'
import { LETTER_PAGE_MAX } from '../../../shared/api/limits'
import type { LetterPage, LetterSummary } from '../../../shared/domain/dto'
import { api } from '../api'

type Filters = Omit<MethodInput<'letters.list'>, 'cursor' | 'offset' | 'limit'>

export async function everyLetter(filters: Filters): Promise<LetterSummary[]> {
  const letters: LetterSummary[] = []
  let cursor: string | null = null
  do {
    const page: LetterPage = await api.call('letters.list', { ...filters, limit: LETTER_PAGE_MAX, ...(cursor === null ? {} : { cursor }) })
    letters.push(...page.rows)
    cursor = page.nextCursor
  } while (cursor !== null)
  return letters
}
