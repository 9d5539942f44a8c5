// Finding a passage again after its letter's text has changed (re-extracted from the original by a
// better extractor, say). Offsets alone go stale; the quoted words, with a little context either
// side, do not. In order: the stored offsets; the same words elsewhere, preferring the copy whose
// surroundings match and which is nearest the old place; the same words ignoring spacing, case,
// curly quotes and dashes; then words at least 80 % alike (approximate substring matching, near the
// old place first; quotes of 20 characters or more). Anything else is reported as lost rather than guessed.
import type { AnchorState } from '../../../shared/domain/review-dto'

export interface StoredAnchor {
  start: number
  end: number
  quote: string
  prefix: string
  suffix: string
}

export interface AnchorResult {
  start: number
  end: number
  /** The words now at [start, end) (the stored quote when lost). */
  quote: string
  state: AnchorState
}

export const CONTEXT_CHARS = 32
/** Below this share of matching characters a passage counts as lost. */
export const FUZZY_THRESHOLD = 0.8
/** Quotes longer than this are matched fuzzily by their head and tail, to keep the work bounded. */
const LONG_QUOTE = 400
const EDGE = 150
/** Shorter quotes are found exactly or not at all: a few edits make a short quote into other words. */
const MIN_FUZZY = 20

export function contextOf(text: string, start: number, end: number): { prefix: string; suffix: string } {
  return { prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start), suffix: text.slice(end, end + CONTEXT_CHARS) }
}

export function anchorPassage(text: string, stored: StoredAnchor): AnchorResult {
  const { quote } = stored
  if (quote.length === 0) return lost(stored)
  if (text.slice(stored.start, stored.end) === quote) return { start: stored.start, end: stored.end, quote, state: 'exact' }

  const exact = bestOccurrence(text, quote, stored, (from) => text.indexOf(quote, from))
  if (exact !== null) return { start: exact, end: exact + quote.length, quote, state: 'moved' }

  const normText = normalise(text)
  const normQuote = normalise(quote).chars
  if (normQuote.length === 0) return lost(stored)
  const oldNorm = normPosition(normText, stored.start)
  const loose = bestOccurrence(normText.chars, normQuote, { ...stored, start: oldNorm }, (from) => normText.chars.indexOf(normQuote, from))
  if (loose !== null) return found(text, normText, loose, loose + normQuote.length, 'moved')

  const fuzzy = normQuote.length >= MIN_FUZZY ? fuzzyFind(normText.chars, normQuote, oldNorm) : null
  if (fuzzy) return found(text, normText, fuzzy.start, fuzzy.end, 'fuzzy')
  return lost(stored)
}

function lost(stored: StoredAnchor): AnchorResult {
  return { start: stored.start, end: stored.end, quote: stored.quote, state: 'lost' }
}

function found(text: string, norm: Normalised, normStart: number, normEnd: number, state: AnchorState): AnchorResult {
  const start = norm.map[normStart]!
  const end = norm.map[normEnd - 1]! + 1
  const [s, e] = state === 'fuzzy' ? toWordEdges(text, start, end) : [start, end]
  return { start: s, end: e, quote: text.slice(s, e), state }
}

/** Of every place the quote occurs, the one whose surroundings match best, then the nearest. */
function bestOccurrence(haystack: string, needle: string, stored: StoredAnchor, next: (from: number) => number): number | null {
  let best: { at: number; context: number; distance: number } | null = null
  for (let at = next(0); at >= 0; at = next(at + 1)) {
    const context = sharedSuffix(haystack.slice(Math.max(0, at - CONTEXT_CHARS), at), stored.prefix) + sharedPrefix(haystack.slice(at + needle.length, at + needle.length + CONTEXT_CHARS), stored.suffix)
    const distance = Math.abs(at - stored.start)
    if (!best || context > best.context || (context === best.context && distance < best.distance)) best = { at, context, distance }
  }
  return best?.at ?? null
}

function sharedSuffix(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++
  return n
}

function sharedPrefix(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}

interface Normalised {
  chars: string
  /** Index in the original text of each normalised character. */
  map: number[]
}

/** Lower case, one space for any run of white space, plain quotes and hyphens. */
function normalise(text: string): Normalised {
  let chars = ''
  const map: number[] = []
  let lastSpace = true
  for (let i = 0; i < text.length; i++) {
    let ch = text[i]!
    if (/\s/.test(ch)) {
      if (lastSpace) continue
      ch = ' '
      lastSpace = true
    } else {
      lastSpace = false
      ch = ch.toLowerCase()[0] ?? ch
      if (ch === '‘' || ch === '’' || ch === '‛') ch = "'"
      else if (ch === '“' || ch === '”') ch = '"'
      else if (ch === '–' || ch === '—' || ch === '‐' || ch === '−') ch = '-'
    }
    chars += ch
    map.push(i)
  }
  if (chars.endsWith(' ')) {
    chars = chars.slice(0, -1)
    map.pop()
  }
  return { chars, map }
}

function normPosition(norm: Normalised, original: number): number {
  let lo = 0
  let hi = norm.map.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (norm.map[mid]! < original) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Widens a fuzzy match that stops inside a word to the whole word (a match found by edits often does). */
function toWordEdges(text: string, start: number, end: number): [number, number] {
  let s = start
  let e = end
  for (let k = 0; k < 3 && s > 0 && /\w/.test(text[s - 1]!) && /\w/.test(text[s]!); k++) s--
  for (let k = 0; k < 3 && e < text.length && /\w/.test(text[e]!) && /\w/.test(text[e - 1]!); k++) e++
  return [s, e]
}

interface Span {
  start: number
  end: number
  cost: number
}

/**
 * The substring of `text` closest to `pattern` by edit distance, if within the threshold. Looks
 * near the old position first and then in the whole text; long quotes are matched by head and tail.
 */
export function fuzzyFind(text: string, pattern: string, near: number): { start: number; end: number } | null {
  if (pattern.length > LONG_QUOTE) {
    const head = fuzzyFind(text, pattern.slice(0, EDGE), near)
    if (!head) return null
    const tail = fuzzyFind(text, pattern.slice(-EDGE), head.start + pattern.length - EDGE)
    if (!tail || tail.end <= head.start) return null
    const length = tail.end - head.start
    return length >= pattern.length * FUZZY_THRESHOLD && length <= pattern.length / FUZZY_THRESHOLD ? { start: head.start, end: tail.end } : null
  }
  const allowed = Math.floor(pattern.length * (1 - FUZZY_THRESHOLD))
  const margin = pattern.length * 2 + 500
  const windowStart = Math.max(0, near - margin)
  const windowEnd = Math.min(text.length, near + pattern.length + margin)
  const local = approximateMatch(text, pattern, windowStart, windowEnd, near)
  const best = local && local.cost <= allowed ? local : windowStart > 0 || windowEnd < text.length ? approximateMatch(text, pattern, 0, text.length, near) : local
  return best && best.cost <= allowed ? { start: best.start, end: best.end } : null
}

/**
 * Sellers' algorithm: edit-distance dynamic programming where the match may start anywhere in the
 * text, with each cell also carrying where its alignment started. O(text × pattern) time, two columns of memory.
 */
function approximateMatch(text: string, pattern: string, from: number, to: number, near: number): Span | null {
  const m = pattern.length
  let cost = new Int32Array(m + 1)
  let start = new Int32Array(m + 1)
  let nextCost = new Int32Array(m + 1)
  let nextStart = new Int32Array(m + 1)
  for (let i = 0; i <= m; i++) {
    cost[i] = i
    start[i] = from
  }
  let best: Span | null = null
  for (let j = from; j < to; j++) {
    const ch = text[j]
    nextCost[0] = 0
    nextStart[0] = j + 1
    for (let i = 1; i <= m; i++) {
      const substitute = cost[i - 1]! + (pattern[i - 1] === ch ? 0 : 1)
      const skipText = cost[i]! + 1
      const skipPattern = nextCost[i - 1]! + 1
      if (substitute <= skipText && substitute <= skipPattern) {
        nextCost[i] = substitute
        nextStart[i] = start[i - 1]!
      } else if (skipText <= skipPattern) {
        nextCost[i] = skipText
        nextStart[i] = start[i]!
      } else {
        nextCost[i] = skipPattern
        nextStart[i] = nextStart[i - 1]!
      }
    }
    const c = nextCost[m]!
    const s = nextStart[m]!
    if (!best || c < best.cost || (c === best.cost && Math.abs(s - near) < Math.abs(best.start - near))) best = { start: s, end: j + 1, cost: c }
    ;[cost, nextCost] = [nextCost, cost]
    ;[start, nextStart] = [nextStart, start]
  }
  return best
}
