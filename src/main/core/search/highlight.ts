// Snippets for the page of results, computed here rather than with FTS5's snippet(): snippet()
// re-seeks every query term for each row, which for a prefix query over a large index costs about
// a millisecond a row, while finding the words again in 20 short texts costs far less. The words
// are folded as the index folds them (case and accents), so what is marked is what matched.
// The whole text is read for the window with the most hits, so that pass is kept cheap: a word is
// folded only when its first letter could begin a term (a plain ASCII letter is lowered instead;
// anything else is folded in full), which spares the Unicode normalisation of almost every word.
import type { SnippetPart } from '../../../shared/domain/review-dto'
import { fold, type HighlightTerm } from './fts-query'

/** Words of context around the hits. */
const WINDOW = 28

export function highlightSnippet(text: string | null, terms: HighlightTerm[]): SnippetPart[] {
  if (!text) return []
  const tokens = wordsOf(text, hitTest(terms))
  if (tokens.length === 0) return []
  // The window with the most hits (the first such), as FTS5's snippet() would choose.
  let best = 0
  let bestHits = -1
  let hits = 0
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.hit[i]) hits++
    if (i >= WINDOW && tokens.hit[i - WINDOW]) hits--
    const start = Math.max(0, i - WINDOW + 1)
    if (hits > bestHits) {
      bestHits = hits
      best = start
    }
  }
  // Start a little before the first hit when the window would otherwise open on it.
  const firstHit = tokens.hit.indexOf(true, best)
  if (firstHit >= 0 && firstHit - best < 3) best = Math.max(0, firstHit - 4)
  const last = Math.min(tokens.length - 1, best + WINDOW - 1)
  const from = best === 0 ? 0 : tokens.start[best]!
  const to = last === tokens.length - 1 ? text.length : tokens.end[last]!

  const parts: SnippetPart[] = []
  const push = (piece: string, hit: boolean) => {
    const flat = piece.replace(/\s+/g, ' ')
    if (!flat) return
    const prev = parts.at(-1)
    if (prev && prev.hit === hit) prev.text += flat
    else parts.push({ text: flat, hit })
  }
  if (from > 0) push('…', false)
  let at = from
  for (let i = best; i <= last; i++) {
    if (!tokens.hit[i]) continue
    push(text.slice(at, tokens.start[i]), false)
    push(text.slice(tokens.start[i], tokens.end[i]), true)
    at = tokens.end[i]!
  }
  push(text.slice(at, to), false)
  if (to < text.length) push('…', false)
  if (parts[0] && !parts[0].hit) parts[0].text = parts[0].text.trimStart()
  return parts
}

/**
 * The words of the text (runs of letters and digits, as `/[\p{L}\p{N}]+/u` finds them): where each
 * starts and ends, and whether it is a hit. Read character by character rather than with that
 * regular expression: a page of long letters has tens of thousands of words, and a match object
 * and a string for each of them was most of a search's time; now a word becomes a string only
 * when its first letter could begin a term, and only non-ASCII characters meet a regular expression.
 */
export function wordsOf(text: string, isHit: (text: string, start: number, end: number) => boolean): { length: number; start: number[]; end: number[]; hit: boolean[] } {
  const start: number[] = []
  const end: number[] = []
  const hit: boolean[] = []
  const n = text.length
  let i = 0
  while (i < n) {
    let code = text.codePointAt(i)!
    if (!isWordCharacter(code)) {
      i += code > 0xffff ? 2 : 1
      continue
    }
    const from = i
    do {
      i += code > 0xffff ? 2 : 1
      code = i < n ? text.codePointAt(i)! : 0
    } while (i < n && isWordCharacter(code))
    start.push(from)
    end.push(i)
    hit.push(isHit(text, from, i))
  }
  return { length: start.length, start, end, hit }
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u

function isWordCharacter(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a)
  return WORD_CHARACTER.test(String.fromCodePoint(code))
}

/**
 * Whether a word of the text (the whole text, or `text.slice(start, end)`) is a hit, as
 * `fold(word)` equal to a term (or starting with a prefix term). A word starting with a plain ASCII letter or digit folds to a word starting with that
 * character lowered, so unless some term starts with it the word cannot be a hit; other words
 * (accents, ligatures, other scripts) are always folded and compared.
 */
export function hitTest(terms: HighlightTerm[]): (text: string, start?: number, end?: number) => boolean {
  const compare = (folded: string) => terms.some((t) => (t.prefix ? folded.startsWith(t.word) : folded === t.word))
  if (terms.some((t) => t.word === '')) return (text, start = 0, end = text.length) => compare(fold(text.slice(start, end)))
  const firsts = new Set(terms.map((t) => t.word.charCodeAt(0)))
  return (text, start = 0, end = text.length) => {
    let first = text.charCodeAt(start)
    if (first < 0x80) {
      if (first >= 0x41 && first <= 0x5a) first += 0x20
      if (!firsts.has(first)) return false
    }
    return compare(fold(text.slice(start, end)))
  }
}
