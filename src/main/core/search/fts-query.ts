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
}

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

export function parseSearchQuery(input: string): ParsedQuery {
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
      const text = body.replace(/\*+$/, '').replace(/^\*+/, '')
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
  if (limitedGroups.length === 0) return { match: null, terms: [], highlight: [] }
  const positive = limitedGroups.map((group) => (group.length === 1 ? quote(group[0]!) : `(${group.map(quote).join(' OR ')})`)).join(' AND ')
  const match = negatives.length === 0 ? positive : `(${positive})${negatives.slice(0, MAX_TERMS).map((t) => ` NOT ${quote(t)}`).join('')}`
  const highlight = limitedGroups.flat().flatMap((t) => {
    const words = [...fold(t.text).matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0])
    return words.map((word, i) => ({ word, prefix: t.prefix && i === words.length - 1 }))
  })
  return { match, terms: limitedGroups.flat().map((t) => (t.kind === 'phrase' ? `"${t.text}"` : t.text) + (t.prefix ? '*' : '')), highlight }
}

/** A term as an FTS5 string: double quotes doubled; a prefix star goes outside the quotes. */
function quote(term: Term): string {
  return `"${term.text.replace(/"/g, '""')}"${term.prefix ? ' *' : ''}`
}
