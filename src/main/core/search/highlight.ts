// Snippets for the page of results, computed here rather than with FTS5's snippet(): snippet()
// re-seeks every query term for each row, which for a prefix query over a large index costs about
// a millisecond a row, while finding the words again in 20 short texts costs far less. The words
// are folded as the index folds them (case and accents), so what is marked is what matched.
import type { SnippetPart } from '../../../shared/domain/review-dto'
import { fold, type HighlightTerm } from './fts-query'

/** Words of context around the hits. */
const WINDOW = 28

export function highlightSnippet(text: string | null, terms: HighlightTerm[]): SnippetPart[] {
  if (!text) return []
  const tokens = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => {
    const word = fold(m[0])
    return { start: m.index, end: m.index + m[0].length, hit: terms.some((t) => (t.prefix ? word.startsWith(t.word) : word === t.word)) }
  })
  if (tokens.length === 0) return []
  // The window with the most hits (the first such), as FTS5's snippet() would choose.
  let best = 0
  let bestHits = -1
  let hits = 0
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.hit) hits++
    if (i >= WINDOW && tokens[i - WINDOW]!.hit) hits--
    const start = Math.max(0, i - WINDOW + 1)
    if (hits > bestHits) {
      bestHits = hits
      best = start
    }
  }
  // Start a little before the first hit when the window would otherwise open on it.
  const firstHit = tokens.findIndex((t, i) => i >= best && t.hit)
  if (firstHit >= 0 && firstHit - best < 3) best = Math.max(0, firstHit - 4)
  const last = Math.min(tokens.length - 1, best + WINDOW - 1)
  const from = best === 0 ? 0 : tokens[best]!.start
  const to = last === tokens.length - 1 ? text.length : tokens[last]!.end

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
    const token = tokens[i]!
    if (!token.hit) continue
    push(text.slice(at, token.start), false)
    push(text.slice(token.start, token.end), true)
    at = token.end
  }
  push(text.slice(at, to), false)
  if (to < text.length) push('…', false)
  if (parts[0] && !parts[0].hit) parts[0].text = parts[0].text.trimStart()
  return parts
}
