// A query with nothing a full-text index can look for (`*`, `(`, `-draft`): what the search says,
// and whether it lists anything. With filters it lists the letters they choose; without, it lists
// nothing rather than every letter, so the count and the list never disagree with the words typed.
import type { SearchFilters } from '../../../shared/domain/review-dto'
import type { ParsedQuery } from './fts-query'

/** True when a filter narrows the letters (which kinds of result to show does not). */
export function narrowsLetters(filters: SearchFilters): boolean {
  return Object.entries(filters).some(([key, value]) => key !== 'kinds' && value !== undefined && value !== null && value !== '')
}

/** The one sentence for a query typed with nothing to search for; null for any other query. */
export function noWordsNotice(query: string, parsed: ParsedQuery, filtered: boolean): string | null {
  const typed = query.trim()
  if (typed === '' || parsed.match !== null) return null
  const shown = typed.length > 40 ? `${typed.slice(0, 40)}…` : typed
  const why =
    parsed.nothingBecause === 'only-excluded'
      ? `“${shown}” only says which words to leave out; add a word to look for, such as “conduct ${shown.split(/\s+/)[0]}”`
      : `“${shown}” has no words to search for; type a word, a "phrase" or the start of a word followed by *`
  return filtered ? `${why}. Meanwhile the letters are listed by the filters alone.` : `${why}.`
}
