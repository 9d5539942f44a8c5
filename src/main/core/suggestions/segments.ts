// Where a letter says something: its paragraphs (and their sentences), with offsets, without the
// letterhead, salutation and sign-off, which name the sender but say nothing about the topic and
// would otherwise pull every suggestion towards the sender's address and job title.

import { sentenceSpans, trimSpan as trim, type Span } from '../../../shared/domain/sentences'

export { sentenceSpans, type Span }

export interface Segment extends Span {
  sentences: Span[]
}

const SALUTATION = /^[ \t]*(dear|annwyl|to whom it may concern|hello|hi)\b.*$/im
const SIGN_OFF = /^[ \t]*(yours (sincerely|faithfully|truly|ever)|yn gywir|kind regards|best regards|with best wishes|best wishes|warm regards|regards|many thanks)\b/im
const HEADER_LINE = /^(from|to|cc|bcc|sent|date|tel|telephone|email|e-mail|web)\s*:/i
/** Paragraphs this short are addresses, names or dates rather than statements. */
const MIN_SEGMENT = 25
/** Paragraphs longer than this are split into windows of sentences, so a passage stays quotable. */
const MAX_SEGMENT = 700

export function letterSegments(text: string): Segment[] {
  const salutation = SALUTATION.exec(text)
  const bodyStart = salutation ? salutation.index + salutation[0].length : 0
  const signOff = SIGN_OFF.exec(text.slice(bodyStart))
  const bodyEnd = signOff ? bodyStart + signOff.index : text.length
  const segments: Segment[] = []
  for (const paragraph of paragraphs(text, bodyStart, bodyEnd)) {
    const sentences = sentenceSpans(text, paragraph)
    if (paragraph.end - paragraph.start <= MAX_SEGMENT) {
      segments.push({ ...paragraph, sentences })
      continue
    }
    let window: Span[] = []
    for (const sentence of sentences) {
      if (window.length > 0 && sentence.end - window[0]!.start > MAX_SEGMENT) {
        segments.push({ start: window[0]!.start, end: window.at(-1)!.end, sentences: window })
        window = []
      }
      window.push(sentence)
    }
    if (window.length > 0) segments.push({ start: window[0]!.start, end: window.at(-1)!.end, sentences: window })
  }
  return segments
}

function paragraphs(text: string, from: number, to: number): Span[] {
  const spans: Span[] = []
  const pattern = /\n[ \t]*\n/g
  pattern.lastIndex = from
  let start = from
  const push = (s: number, e: number) => {
    const span = trim(text, s, e)
    if (!span) return
    const lines = text.slice(span.start, span.end).split('\n')
    if (lines.every((line) => HEADER_LINE.test(line.trim()))) return
    if (span.end - span.start >= MIN_SEGMENT) spans.push(span)
  }
  for (let m = pattern.exec(text); m && m.index < to; m = pattern.exec(text)) {
    push(start, m.index)
    start = m.index + m[0].length
  }
  push(start, to)
  return spans
}
