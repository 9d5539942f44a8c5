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

function toIso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1) return null
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
