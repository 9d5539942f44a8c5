// Turning a letter's text and the ranges marked in it (linked passages, search words, the
// selection being linked, a suggestion's passage) into paragraphs of plain-text segments. Every
// segment keeps its offsets in `bodyText`, so a selection in the page maps straight back to the
// offsets the core stores (UTF-16 code units, as JavaScript counts them), and nothing is ever
// interpreted as HTML.
import type { LinkView } from '../../../shared/domain/dto'

/** How many highlight colours there are (theme.css: --hl-0 … --hl-5). */
export const HIGHLIGHT_COLOURS = 6

export interface Passage {
  id: number
  start: number
  end: number
  quote: string | null
  /** The links of this passage, one per recommendation, in the order they were made. */
  links: LinkView[]
  /** theme.css colour 0–5, from the first recommendation, so one recommendation keeps one colour. */
  colour: number
  lost: boolean
}

export interface Range {
  start: number
  end: number
}

export interface Segment {
  start: number
  end: number
  text: string
  /** Ids of the passages covering this piece, outermost (earliest) first. */
  passages: number[]
  search: boolean
  /** Index of the search match, so "next match" can find it. */
  searchIndex: number | null
  pending: boolean
  suggested: boolean
  /** Passages that end here: their badge follows this segment. */
  endsPassages: number[]
}

export interface Paragraph {
  start: number
  end: number
  segments: Segment[]
}

export function colourOf(recommendationId: number): number {
  return recommendationId % HIGHLIGHT_COLOURS
}

/** Groups a letter's passage links by passage (whole-letter links have no passage and are left out). */
export function passagesOf(links: LinkView[]): Passage[] {
  const byId = new Map<number, Passage>()
  for (const link of links) {
    if (link.passageId === null || link.start === null || link.end === null) continue
    const passage = byId.get(link.passageId)
    if (passage) passage.links.push(link)
    else
      byId.set(link.passageId, {
        id: link.passageId,
        start: link.start,
        end: link.end,
        quote: link.quote,
        links: [link],
        colour: colourOf(link.recommendationId),
        lost: link.anchor === 'lost',
      })
  }
  return [...byId.values()].sort((a, b) => a.start - b.start || b.end - a.end)
}

/** Paragraphs are separated by blank lines; single line breaks (addresses) stay inside one. */
export function paragraphRanges(text: string): Range[] {
  const ranges: Range[] = []
  const separator = /(?:\r?\n[ \t]*){2,}/g
  let from = 0
  const push = (start: number, end: number) => {
    // Line breaks at either end belong to no paragraph; the offsets of what is left stay exact.
    while (start < end && (text[start] === '\n' || text[start] === '\r')) start++
    while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--
    if (text.slice(start, end).trim() !== '') ranges.push({ start, end })
  }
  for (const match of text.matchAll(separator)) {
    push(from, match.index)
    from = match.index + match[0].length
  }
  push(from, text.length)
  return ranges
}

export interface Marks {
  passages: Passage[]
  search: Range[]
  pending: Range | null
  suggested: Range | null
}

/** Cuts the text at every edge of every mark, paragraph by paragraph. */
export function segmentText(text: string, marks: Marks): Paragraph[] {
  const shown = marks.passages.filter((passage) => !passage.lost && passage.end > passage.start)
  const edges = new Set<number>()
  const addRange = (range: Range | null) => {
    if (!range) return
    edges.add(range.start)
    edges.add(range.end)
  }
  shown.forEach(addRange)
  marks.search.forEach(addRange)
  addRange(marks.pending)
  addRange(marks.suggested)

  const inRange = (range: Range | null, start: number, end: number) => range !== null && range.start < end && range.end > start
  const paragraphs = paragraphRanges(text).map((paragraph) => {
    const cuts = [paragraph.start, ...[...edges].filter((edge) => edge > paragraph.start && edge < paragraph.end).sort((a, b) => a - b), paragraph.end]
    const segments: Segment[] = []
    for (let i = 0; i < cuts.length - 1; i++) {
      const start = cuts[i]!
      const end = cuts[i + 1]!
      if (end <= start) continue
      const searchIndex = marks.search.findIndex((range) => inRange(range, start, end))
      segments.push({
        start,
        end,
        text: text.slice(start, end),
        passages: shown.filter((passage) => inRange(passage, start, end)).map((passage) => passage.id),
        search: searchIndex !== -1,
        searchIndex: searchIndex === -1 ? null : searchIndex,
        pending: inRange(marks.pending, start, end),
        suggested: inRange(marks.suggested, start, end),
        endsPassages: [],
      })
    }
    return { start: paragraph.start, end: paragraph.end, segments }
  })
  // A passage's badge goes after its last piece, even when the passage runs across paragraphs.
  const all = paragraphs.flatMap((paragraph) => paragraph.segments)
  for (const passage of shown) {
    const last = all.findLast((segment) => segment.passages.includes(passage.id))
    last?.endsPassages.push(passage.id)
  }
  return paragraphs
}

/** "12", "12 and 14", "3, 12 and 14": numbers as a person reads them. */
export function numbersPhrase(numbers: string[]): string {
  if (numbers.length <= 1) return numbers.join('')
  return `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`
}
