// What a person types in the search box → an FTS5 MATCH expression that can never be a syntax
// error. FTS5's query language (AND, OR, NOT, NEAR, column filters, parentheses, ^, *) would turn
// ordinary input such as `Home Office: reply (draft)` or an unbalanced quote into an SQL error,
// so every term is passed as a quoted string and only the syntax we offer is emitted:
//   words          all must appear (any order)       code conduct
//   "a phrase"     these words together             "code of conduct"
//   prefix*        words starting so                intimidat*
//   a OR b         either                           Twitter OR X
//   -word          must not appear                  code -press
// Matching ignores case and accents (the tables use unicode61 remove_diacritics 2).

export interface ParsedQuery {
  /** The MATCH expression, or null when there is nothing to search for. */
  match: string | null
  /** The terms as understood, for "Searching for …". */
  terms: string[]
  /** Folded words to mark in snippets (every word of the positive terms; prefix words as prefixes). */
  highlight: HighlightTerm[]
  /** Single folded words searched as prefixes (`poli*` → "poli"), which a caller may expand. */
  prefixWords: string[]
  /** Why there is nothing to search for, when `match` is null: no words at all, or only words to
   *  leave out (`-draft`, which full-text search cannot answer alone). */
  nothingBecause: 'no-words' | 'only-excluded' | null
}

/**
 * The index's own words for a prefix ("poli" → police, policy, policing), when the caller has
 * looked them up. A prefix with an entry is searched as those words joined by OR, which matches
 * the same letters; a prefix without one is left to FTS5's prefix query.
 */
export type PrefixExpansions = ReadonlyMap<string, readonly string[]>

export interface HighlightTerm {
  word: string
  prefix: boolean
}

/** Case and accents folded, as the unicode61 tokenizer with remove_diacritics does. */
export function fold(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

type Term = { kind: 'word' | 'phrase'; text: string; prefix: boolean; negated: boolean }

const HAS_WORD = /[\p{L}\p{N}]/u
/** Enough for any real query; longer input is cut rather than refused. */
const MAX_TERMS = 24

export function parseSearchQuery(input: string, expansions: PrefixExpansions = new Map()): ParsedQuery {
  const terms: (Term | 'OR')[] = []
  const pattern = /(-?)"([^"]*)"?(\*?)|(\S+)/gu
  for (const m of input.normalize('NFC').matchAll(pattern)) {
    if (m[4] !== undefined) {
      const raw = m[4]
      if (raw === 'OR' || raw === '|') {
        terms.push('OR')
        continue
      }
      if (raw === 'AND' || raw === '&' || raw === '+') continue
      const negated = raw.startsWith('-') && raw.length > 1
      const body = negated ? raw.slice(1) : raw
      const prefix = body.endsWith('*')
      // Only the first star of a run may try to reach the end: /\*+$/ alone is quadratic on "***…*x".
      const text = body.replace(/(?<!\*)\*+$/, '').replace(/^\*+/, '')
      if (HAS_WORD.test(text)) terms.push({ kind: 'word', text, prefix, negated })
    } else {
      const text = m[2]!.trim()
      if (HAS_WORD.test(text)) terms.push({ kind: 'phrase', text, prefix: m[3] === '*', negated: m[1] === '-' })
    }
  }

  // Group positive terms into AND-ed alternatives: a OR b c → (a OR b) AND c.
  const groups: Term[][] = []
  const negatives: Term[] = []
  let joinNext = false
  for (const term of terms) {
    if (term === 'OR') {
      joinNext = groups.length > 0
      continue
    }
    if (term.negated) {
      negatives.push(term)
      joinNext = false
      continue
    }
    if (joinNext) groups.at(-1)!.push(term)
    else groups.push([term])
    joinNext = false
  }
  const limitedGroups = groups.slice(0, MAX_TERMS)
  if (limitedGroups.length === 0) return { match: null, terms: [], highlight: [], prefixWords: [], nothingBecause: negatives.length > 0 ? 'only-excluded' : 'no-words' }
  const quote = (term: Term) => quoteTerm(term, expansions)
  const positive = limitedGroups.map((group) => (group.length === 1 ? quote(group[0]!) : `(${group.map(quote).join(' OR ')})`)).join(' AND ')
  const keptNegatives = negatives.slice(0, MAX_TERMS)
  const match = negatives.length === 0 ? positive : `(${positive})${keptNegatives.map((t) => ` NOT ${quote(t)}`).join('')}`
  const highlight = limitedGroups.flat().flatMap((t) => {
    const words = [...fold(t.text).matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0])
    return words.map((word, i) => ({ word, prefix: t.prefix && i === words.length - 1 }))
  })
  const prefixWords = [...new Set([...limitedGroups.flat(), ...keptNegatives].map(singlePrefixWord).filter((w): w is string => w !== null))]
  return { match, terms: limitedGroups.flat().map((t) => (t.kind === 'phrase' ? `"${t.text}"` : t.text) + (t.prefix ? '*' : '')), highlight, prefixWords, nothingBecause: null }
}

/** The folded word of a prefix term that is one word (not `e-mail*` or `"code of con"*`), or null. */
function singlePrefixWord(term: Term): string | null {
  if (!term.prefix) return null
  const word = fold(term.text)
  return /^[\p{L}\p{N}]+$/u.test(word) ? word : null
}

/** A term as an FTS5 string: double quotes doubled; a prefix star goes outside the quotes. */
function quoteTerm(term: Term, expansions: PrefixExpansions): string {
  const word = singlePrefixWord(term)
  const words = word === null ? undefined : expansions.get(word)
  if (words && words.length > 0) return words.length === 1 ? `"${words[0]!.replace(/"/g, '""')}"` : `(${words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' OR ')})`
  return `"${term.text.replace(/"/g, '""')}"${term.prefix ? ' *' : ''}`
}
