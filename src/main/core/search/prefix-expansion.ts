// Looks up the words of the letters' index that start with each prefix of a search (through the
// engine's vocabulary of the letters' index), so the letter search can ask for
// `police OR policy OR policing` instead of `poli*`. At 50 000 letters FTS5's prefix merge costs
// 10–18 ms on each of the search's passes (count, ranking window, ranking); the same search over
// the words themselves costs a quarter of that, and finding the words about 3 ms.
import type { CoreContext } from '../context'
import type { PrefixExpansions } from './fts-query'
import { fullTextOf } from './full-text-of'

/** A prefix with more words than this (`co*`) is left to FTS5: a long OR is no quicker. */
export const MAX_PREFIX_WORDS = 48

export async function expandPrefixes(ctx: Pick<CoreContext, 'db' | 'fullText'>, prefixes: readonly string[]): Promise<PrefixExpansions> {
  const fullText = fullTextOf(ctx)
  const expansions = new Map<string, string[]>()
  for (const prefix of prefixes) {
    const words = await fullText.letterWordsStartingWith(ctx.db, prefix, MAX_PREFIX_WORDS + 1)
    if (words.length <= MAX_PREFIX_WORDS) expansions.set(prefix, words)
  }
  return expansions
}
