// Reads the text out of an OpenDocument content.xml without an XML library: a DTD has already
// been refused (zip-guard), and only the five predefined entities and numeric character
// references are decoded, so no entity can expand and nothing is ever fetched.
import { paragraphTracker, type HeadingBlock } from './heading'

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
    }
    return PREDEFINED[name] ?? whole
  })
}

/**
 * The text with every `open`…`close` span removed, as /open[\s\S]*?close/g would, but in one
 * pass: that pattern read to the end of the text from every unclosed `open` (an unclosed
 * <mc:Fallback> flood took 82 s). Once no `close` follows, none will, so the rest is kept as is.
 */
export function withoutElements(xml: string, open: string, close: string): string {
  const kept: string[] = []
  let from = 0
  for (let start = xml.indexOf(open); start >= 0; start = xml.indexOf(open, from)) {
    const end = xml.indexOf(close, start + open.length)
    if (end < 0) break
    kept.push(xml.slice(from, start))
    from = end + close.length
  }
  kept.push(xml.slice(from))
  return kept.join('')
}

/** Elements whose text is not part of the letter (comments in the margin, tracked deletions). */
const SKIPPED = new Set(['office:annotation', 'text:tracked-changes', 'text:note-citation'])
const BLOCK_ENDS = new Set(['text:p', 'text:h', 'text:list-item', 'table:table-row'])

/**
 * An element tag at a "<", read with a sticky pattern: its name, then attributes up to the next
 * "<" or ">", so a tag left open costs only the characters up to the next one.
 */
const TAG = /<(\/?)([\w.-]+(?::[\w.-]+)?)((?:\s[^<>]*?)?)(\/?)>/y

/** Comments, processing instructions and CDATA: their ends are found with indexOf. */
const SPANS: [string, string][] = [['<!--', '-->'], ['<?', '?>'], ['<![CDATA[', ']]>']]

export function odfText(xml: string): string {
  return readOdf(xml).text
}

/** Styles that set text bold (fo:font-weight bold or 600–900) or underlined (any line style). */
const EMPHASIS = /fo:font-weight="(?:bold|[6-9]00)"|style:text-underline-style="(?!none")/
const STYLE_NAME = /(?:^|\s)style:name="([^"<>]*)"/
const TEXT_STYLE_NAME = /(?:^|\s)text:style-name="([^"<>]*)"/

/**
 * The text of an OpenDocument content.xml, and its first paragraphs with whether each is a
 * heading (text:h) or wholly bold or underlined, by the automatic styles the file defines
 * (style:style with its style:text-properties) set on the paragraph or on spans in it.
 */
export function readOdf(xml: string): { text: string; blocks: HeadingBlock[] } {
  const out: string[] = []
  const paragraphs = paragraphTracker()
  const emphasisStyles = new Set<string>()
  let definingStyle: string | null = null
  let paragraphEmphasised = false
  let outline = false
  const spans: boolean[] = [] // whether each open span is emphasised
  let emphasisedSpans = 0
  let inBody = false
  let skipDepth = 0
  let text = 0 // where the text not yet written starts
  const write = (piece: string) => {
    out.push(piece)
    paragraphs.write(piece, paragraphEmphasised || emphasisedSpans > 0, outline)
  }
  const flush = (end: number) => {
    if (inBody && skipDepth === 0 && end > text) write(decodeEntities(xml.slice(text, end)))
  }
  // Every step moves past what it reads: each "<" is looked at once, and no span is read twice.
  for (let at = xml.indexOf('<'); at >= 0; ) {
    const span = SPANS.find(([open]) => xml.startsWith(open, at))
    if (span) {
      const end = xml.indexOf(span[1], at + span[0].length)
      // Unclosed: nothing after it can be read as the document meant, so reading stops here.
      if (end < 0) break
      flush(at)
      if (span[0] === '<![CDATA[' && inBody && skipDepth === 0) write(xml.slice(at + span[0].length, end))
      text = end + span[1].length
      at = xml.indexOf('<', text)
      continue
    }
    TAG.lastIndex = at
    const match = TAG.exec(xml)
    if (!match) {
      at = xml.indexOf('<', at + 1) // a stray "<" stays part of the text
      continue
    }
    flush(at)
    text = TAG.lastIndex
    at = xml.indexOf('<', text)
    const name = match[2]!
    const closing = match[1] === '/'
    const selfClosing = match[4] === '/'
    if (name === 'office:body') {
      inBody = !closing
      continue
    }
    if (!inBody) {
      if (name === 'style:style') definingStyle = closing || selfClosing ? null : (STYLE_NAME.exec(match[3] ?? '')?.[1] ?? null)
      else if (name === 'style:text-properties' && definingStyle !== null && EMPHASIS.test(match[3] ?? '')) emphasisStyles.add(definingStyle)
      continue
    }
    if (SKIPPED.has(name)) {
      if (!selfClosing) skipDepth += closing ? -1 : 1
      continue
    }
    if (skipDepth > 0) continue
    const styled = () => emphasisStyles.has(TEXT_STYLE_NAME.exec(match[3] ?? '')?.[1] ?? '')
    if ((name === 'text:p' || name === 'text:h') && !closing && !selfClosing) {
      paragraphEmphasised = styled()
      outline = name === 'text:h'
    } else if (name === 'text:span' && !selfClosing) {
      if (!closing) spans.push(styled())
      if ((closing ? spans.pop() : spans.at(-1)) === true) emphasisedSpans += closing ? -1 : 1
    }
    if (name === 'text:s' && !closing) write(' '.repeat(Math.min(1000, Number(/text:c="(\d+)"/.exec(match[3] ?? '')?.[1] ?? 1))))
    else if (name === 'text:tab' && !closing) write('\t')
    else if (name === 'text:line-break' && !closing) write('\n')
    else if (name === 'table:table-cell' && closing) write('\t')
    else if (BLOCK_ENDS.has(name) && (closing || selfClosing)) {
      write('\n')
      paragraphEmphasised = false
      outline = false
    }
  }
  paragraphs.finish()
  return { text: out.join('').replace(/\t\n/g, '\n'), blocks: paragraphs.blocks }
}
