// Finds the date a letter was written, from the forms secretariats meet in practice:
// "4 March 2021", "3rd February 2020", "14/03/2019" (UK order), "January 28, 2020",
// "2021-03-04", "Date: 8 April 2019" and e-mail headers such as "Date: Tue, 12 May 2021 09:14".
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
// Any abbreviation of at least three letters ("Sep", "Sept", "September"); checked in monthIndex.
const MONTH = `((?:${MONTHS.map((m) => m.slice(0, 3)).join('|')})\\p{L}*)\\.?`
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?'
const YEAR = '((?:19|20)\\d{2})'

interface Pattern {
  regex: RegExp
  toParts(match: RegExpExecArray): [number, number, number] | null
}

const PATTERNS: Pattern[] = [
  { regex: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}\\b`, 'iu'), toParts: (m) => [Number(m[3]), monthIndex(m[2]), Number(m[1])] },
  { regex: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'iu'), toParts: (m) => [Number(m[3]), monthIndex(m[1]), Number(m[2])] },
  { regex: /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/u, toParts: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  { regex: /\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d{2})\b/u, toParts: (m) => [Number(m[3]), Number(m[2]), Number(m[1])] },
]

/** 1–12, or 0 when the word only starts like a month ("Marching"), which toIso then rejects. */
function monthIndex(name: string | undefined): number {
  const word = (name ?? '').toLowerCase()
  return MONTHS.findIndex((m) => m.startsWith(word)) + 1
}

/** The first valid date in a line, as YYYY-MM-DD, or null. Impossible dates (31/02) are skipped. */
export function findDateInLine(line: string): string | null {
  let best: { index: number; iso: string } | null = null
  for (const pattern of PATTERNS) {
    const match = pattern.regex.exec(line)
    if (!match) continue
    const parts = pattern.toParts(match)
    const iso = parts && toIso(...parts)
    if (iso && (!best || match.index < best.index)) best = { index: match.index, iso }
  }
  return best?.iso ?? null
}

export interface DateSpan {
  iso: string
  /** Where the date is written in the line (UTF-16 offsets). */
  index: number
  end: number
}

/** Every valid date in a line, in order, none overlapping (where two forms overlap, the earlier wins). */
export function findDatesInLine(line: string): DateSpan[] {
  const found: DateSpan[] = []
  for (const pattern of PATTERNS) {
    for (const match of line.matchAll(new RegExp(pattern.regex.source, `${pattern.regex.flags}g`))) {
      const parts = pattern.toParts(match)
      const iso = parts && toIso(...parts)
      if (iso) found.push({ iso, index: match.index, end: match.index + match[0].length })
    }
  }
  found.sort((a, b) => a.index - b.index || b.end - a.end)
  const spans: DateSpan[] = []
  for (const span of found) if (spans.length === 0 || span.index >= spans.at(-1)!.end) spans.push(span)
  return spans
}

/** Words that may stand beside a date on a dateline ("Tuesday, 4 March 2021", "London, 4 March 2021"). */
const DATELINE_WORDS = 4

/** A line that is only a date, perhaps with a weekday, a place or "Dated": a letter's dateline. */
export function isDateline(line: string): boolean {
  const spans = findDatesInLine(line)
  if (spans.length !== 1) return false
  const rest = `${line.slice(0, spans[0]!.index)} ${line.slice(spans[0]!.end)}`
  const words = rest.split(/[\s,.:;()]+/).filter(Boolean)
  return words.length <= DATELINE_WORDS && !/\d/.test(rest)
}

/** A range ("1 January – 31 March 2020", "from 4 May 2020 to …", "between … and …"). */
const BEFORE_RANGE_END = /(?:\d|\p{L})\.?,?\s*(?:-|–|—|to|until|till|and)\s*$/iu
const RANGE_START = /\b(?:from|between|since|until|till)\s+$/iu
const AFTER_RANGE_START = /^\s*(?:-|–|—|to|until|till|and)\s*\d/iu
/** A legal citation: a neutral citation ("[2019] UKSC 41"), a case name ("Miller v Prime Minister"), an Act or instrument. */
const CITATION = /\[(?:19|20)\d{2}\]\s*[A-Z]{2,}|\s\bv\.?\s+\p{Lu}|\b(?:judgment|judgement|ruling|decision|order|Act|Regulations|SI|S\.I\.)\s+(?:of\s+|dated\s+|made\s+on\s+|handed\s+down\s+on\s+)?\(?$/u

/**
 * Whether a date in running text is only part of a range or of a legal citation, and so never
 * the date the letter was written. The text before a date is read only in its last 80 characters.
 */
export function isIncidentalDate(line: string, span: DateSpan, previous: DateSpan | undefined): boolean {
  const before = line.slice(Math.max(0, span.index - 80), span.index)
  const after = line.slice(span.end, span.end + 20)
  if (RANGE_START.test(before) || AFTER_RANGE_START.test(after)) return true
  if (previous && line.slice(previous.end, span.index).trim().length <= 8 && BEFORE_RANGE_END.test(line.slice(Math.max(previous.end - 1, 0), span.index))) return true
  if (/\d{1,2}(?:st|nd|rd|th)?\s*(?:-|–|—)\s*$/u.test(before)) return true // "1–31 March 2020"
  return CITATION.test(before)
}

function toIso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1) return null
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
