// Where a paragraph's sentences start and end, as offsets in the text. The suggestion ranker
// scores sentence windows with it, and the reader selects "the whole sentence" with it, so both
// agree on what a sentence is.

export interface Span {
  start: number
  end: number
}

/** Sentence spans inside a paragraph: split after . ! ? followed by space and a capital or digit. */
export function sentenceSpans(text: string, span: Span): Span[] {
  const sentences: Span[] = []
  const pattern = /[.!?]["”’)]?\s+(?=["“‘(]?[A-Z0-9])/g
  const body = text.slice(span.start, span.end)
  let start = 0
  for (const m of body.matchAll(pattern)) {
    // "Mr. Smith", "e.g. the", "No. 14": not sentence ends.
    const before = body.slice(Math.max(0, m.index - 4), m.index + 1)
    if (/\b(Mr|Mrs|Ms|Dr|No|St|e\.g|i\.e|cf|para|paras)\.$/i.test(before)) continue
    const end = m.index + m[0].trimEnd().length
    const s = trimSpan(text, span.start + start, span.start + end)
    if (s) sentences.push(s)
    start = m.index + m[0].length
  }
  const last = trimSpan(text, span.start + start, span.end)
  if (last) sentences.push(last)
  return sentences
}

/** [start, end) without white space at either end; null when nothing is left. */
export function trimSpan(text: string, start: number, end: number): Span | null {
  let s = start
  let e = end
  while (s < e && /\s/.test(text[s]!)) s++
  while (e > s && /\s/.test(text[e - 1]!)) e--
  return s < e ? { start: s, end: e } : null
}
