// The search's match expressions (search/fts-query.ts writes them in FTS5's syntax: quoted terms,
// a prefix star after the quotes, parentheses, AND, OR, NOT) → PostgreSQL tsquery text, for
// to_tsquery('progress_desk', …). One pass over the expression, so its cost is linear.
//   "code of conduct"   → ('code' <-> 'of' <-> 'conduct')
//   "poli" *            → ('poli':*)
//   a AND (b OR c) NOT d → 'a' & ('b' | 'c') & !'d'
// A quoted term is split into words as the documents are (runs of letters and digits; see
// migrations/0001-initial.ts), so a phrase matches the same words in a row on both engines.
// Case and accents are folded by the text search configuration, on both sides.

const WORD = /[\p{L}\p{N}]+/gu

/** A lexeme quoted for tsquery: within single quotes, quotes and backslashes are escaped. */
function lexeme(word: string): string {
  return `'${word.replace(/['\\]/g, (c) => `\\${c}`)}'`
}

function phrase(text: string, prefix: boolean): string {
  const words = [...text.matchAll(WORD)].map((m) => m[0])
  // fts-query never emits a term without a word; an empty one matches nothing rather than failing.
  if (words.length === 0) return "''"
  const parts = words.map((word, i) => lexeme(word) + (prefix && i === words.length - 1 ? ':*' : ''))
  return parts.length === 1 ? parts[0]! : `(${parts.join(' <-> ')})`
}

export function toTsQuery(match: string): string {
  let out = ''
  let i = 0
  while (i < match.length) {
    const c = match[i]!
    if (c === '"') {
      let text = ''
      i++
      while (i < match.length) {
        if (match[i] === '"' && match[i + 1] === '"') {
          text += '"'
          i += 2
        } else if (match[i] === '"') {
          i++
          break
        } else text += match[i++]
      }
      let j = i
      while (match[j] === ' ') j++
      const prefix = match[j] === '*'
      if (prefix) i = j + 1
      out += phrase(text, prefix)
    } else if (c === '(' || c === ')') {
      out += c
      i++
    } else if (match.startsWith('AND', i)) {
      out += ' & '
      i += 3
    } else if (match.startsWith('OR', i)) {
      out += ' | '
      i += 2
    } else if (match.startsWith('NOT', i)) {
      out += ' & !'
      i += 3
    } else i++ // spaces between the parts
  }
  return out
}
