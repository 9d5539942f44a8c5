// Finding the words of a search (as typed into the search page: words, "phrases", prefix*, OR,
// -excluded) in a letter's text, so the letter opened from a result shows where they are. Like
// the core's search, matching ignores case and respects word edges; excluded words and OR are
// not things to highlight.
import type { Range } from './highlights'

export interface SearchTerm {
  text: string
  prefix: boolean
}

export function parseSearchTerms(query: string): SearchTerm[] {
  const terms: SearchTerm[] = []
  for (const match of query.matchAll(/(-?)"([^"]*)"|(\S+)/g)) {
    if (match[1] === '-') continue
    const raw = match[2] ?? match[3] ?? ''
    if (match[3] !== undefined && (raw === 'OR' || raw === 'AND' || raw === 'NOT' || raw.startsWith('-'))) continue
    const prefix = raw.endsWith('*')
    const text = raw
      .replace(/\*+$/, '')
      .replace(/[^\p{L}\p{N}'’\s-]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
    if (text.length > 0) terms.push({ text, prefix })
  }
  return terms
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Every place a term occurs, in reading order, overlaps merged. */
export function findSearchTerms(text: string, terms: SearchTerm[], max = 500): Range[] {
  if (terms.length === 0) return []
  const patterns = terms.map((term) => {
    // Words of a phrase may be separated by any run of white space (line breaks in a letter).
    const body = term.text.split(' ').map(escapeRegExp).join('\\s+')
    return term.prefix ? `${body}[\\p{L}\\p{N}]*` : body
  })
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${patterns.join('|')})(?![\\p{L}\\p{N}])`, 'giu')
  const ranges: Range[] = []
  for (const match of text.matchAll(pattern)) {
    if (match[0].length === 0) continue
    const start = match.index
    const end = start + match[0].length
    const previous = ranges[ranges.length - 1]
    if (previous && start <= previous.end) previous.end = Math.max(previous.end, end)
    else ranges.push({ start, end })
    if (ranges.length >= max) break
  }
  return ranges
}
