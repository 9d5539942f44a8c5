// Reading a letter whose lines were broken where a PDF page or a mail program ran out of room:
// the line breaks inside such a paragraph are shown as spaces, so the text flows to the pane's
// width. Short lines (addresses, sign-offs, the last line of a paragraph) and list items keep
// their breaks. The result has exactly the stored text's length and differs only where a CR or
// LF became a space, so every offset in it is the same offset in the stored text: highlights,
// selections and passages keep mapping to what the core stores.

/** A line this long or longer is a line of running text, never wrapped by hand. */
const MEASURED = 200
/** Below this width nothing looks hard-wrapped (a list, an address block). */
const MIN_WRAP = 40
/** A line reaching this share of the letter's wrap width ran into the margin: join it. */
const FULL_LINE = 0.6
const LIST_ITEM = /^[ \t]*(?:[-–•*·]|\(?\d{1,3}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])[ \t]/i

interface Line {
  start: number
  /** Offset of the LF ending the line (or the text's length for the last line). */
  end: number
  length: number
}

function linesOf(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  while (start <= text.length) {
    const lf = text.indexOf('\n', start)
    const end = lf === -1 ? text.length : lf
    let last = end
    while (last > start && /[ \t\r]/.test(text[last - 1]!)) last--
    let first = start
    while (first < last && /[ \t]/.test(text[first]!)) first++
    lines.push({ start, end, length: last - first })
    if (lf === -1) break
    start = lf + 1
  }
  return lines
}

/** The width most lines were wrapped at: the 90th percentile of line lengths (a histogram, so linear). */
function wrapWidth(lines: Line[]): number {
  const counts = new Array<number>(MEASURED + 1).fill(0)
  let total = 0
  for (const line of lines) {
    if (line.length === 0) continue
    counts[Math.min(line.length, MEASURED)]!++
    total++
  }
  let seen = 0
  for (let width = 0; width <= MEASURED; width++) {
    seen += counts[width]!
    if (seen >= total * 0.9) return width
  }
  return 0
}

/** The text to show for reading: same length, hard-wrapped line breaks turned into spaces. */
export function reflowForReading(text: string): string {
  const lines = linesOf(text)
  const width = wrapWidth(lines)
  if (lines.length < 3 || width < MIN_WRAP || width >= MEASURED) return text
  const parts: string[] = []
  let from = 0
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i]!
    const next = lines[i + 1]!
    const joins = line.length >= width * FULL_LINE && next.length > 0 && !LIST_ITEM.test(text.slice(next.start, next.end))
    if (!joins) continue
    // The LF, and a CR before it, become spaces: the same number of characters.
    const breakStart = text[line.end - 1] === '\r' ? line.end - 1 : line.end
    parts.push(text.slice(from, breakStart), ' '.repeat(line.end + 1 - breakStart))
    from = line.end + 1
  }
  parts.push(text.slice(from))
  return parts.join('')
}
