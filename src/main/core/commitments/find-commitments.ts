// Dated promises in a letter's text: a sentence that speaks of the future ("we will", "is due
// to", "we intend to") and names a date that had not yet come when the letter was written. Each
// becomes an offer with the last day the promise allows: "in July 2022" → 2022-07-31, "by the end
// of 2021" → 2021-12-31, "from 1 April 2022" → 2022-04-01, "this autumn" (in a letter of 2021) →
// 2021-11-30. Pure: the text and the letter's date in, offers out.
import { letterSegments, type Span } from '../suggestions/segments'
import { endOfMonth, isoDate } from '../shared/iso-dates'

export interface FoundCommitment extends Span {
  text: string
  dueOn: string
  dueText: string
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
const MONTH = `(${MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?`
const YEAR = '((?:19|20)\\d{2})'
const LEAD = '(?:(?:by|in|from|on|before|during|until|till|at|within|no later than|not later than|for)\\s+)?'

const FUTURE = /\b(will|shall|intends? to|plans? to|planning to|expects? to|aims? to|is due|are due|due to|expected to|scheduled to|committed to|propose to|proposes to|hope to|hopes to|going to|we'll|will be)\b/i
const NEGATED = /\b(will not|won't|shall not|do not intend|does not intend|no plans? to|not (?:expected|planned|due) to)\b/i

const SEASON_END: Record<string, [number, number]> = { spring: [5, 31], summer: [8, 31], autumn: [11, 30], winter: [2, 28] }
const QUARTER: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 }

interface DateMatch {
  index: number
  text: string
  dueOn: string
}

function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '')
  return MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3))) + 1
}

/** Every date expression in a sentence, with the last day it allows. `letterDay` resolves "this year", "next spring". */
export function datesIn(sentence: string, letterDay: string | null): DateMatch[] {
  const letterYear = letterDay ? Number(letterDay.slice(0, 4)) : null
  const found: DateMatch[] = []
  const add = (re: RegExp, resolve: (m: RegExpMatchArray) => string | null) => {
    for (const m of sentence.matchAll(re)) {
      const dueOn = resolve(m)
      if (dueOn && !found.some((f) => m.index! >= f.index && m.index! < f.index + f.text.length)) found.push({ index: m.index!, text: m[0].trim(), dueOn })
    }
  }
  // Most specific first, so that "1 April 2022" is not also read as "April 2022".
  add(new RegExp(`\\b${LEAD}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s+${YEAR}\\b`, 'gi'), (m) => isoDate(Number(m[3]), monthNumber(m[2]!), Number(m[1])))
  add(new RegExp(`\\b${LEAD}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${YEAR}\\b`, 'gi'), (m) => isoDate(Number(m[3]), monthNumber(m[1]!), Number(m[2])))
  add(new RegExp(`\\b${LEAD}(?:the\\s+)?(?:(?:end|start|beginning|middle) of\\s+|early\\s+|mid-?\\s*|late\\s+)?${MONTH}\\s+${YEAR}\\b`, 'gi'), (m) => endOfMonth(Number(m[2]), monthNumber(m[1]!)))
  add(new RegExp(`\\b${LEAD}(?:the\\s+)?(?:(?:early|late|mid-?)\\s*)?(spring|summer|autumn|winter)\\s+(?:of\\s+)?${YEAR}\\b`, 'gi'), (m) => seasonEnd(m[1]!, Number(m[2])))
  add(new RegExp(`\\b${LEAD}(?:the\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\\s+quarter\\s+of\\s+${YEAR}\\b`, 'gi'), (m) => endOfMonth(Number(m[2]), QUARTER[m[1]!.toLowerCase()]! * 3))
  add(new RegExp(`\\b${LEAD}Q([1-4])\\s+${YEAR}\\b`, 'gi'), (m) => endOfMonth(Number(m[2]), Number(m[1]) * 3))
  add(new RegExp(`\\b${LEAD}(?:the\\s+)?(first half|second half|start|beginning|end|middle|early part|latter part)\\s+of\\s+${YEAR}\\b`, 'gi'), (m) => partOfYear(m[1]!, Number(m[2])))
  add(new RegExp(`\\b${LEAD}(early|mid-?|late)\\s*${YEAR}\\b`, 'gi'), (m) => partOfYear(m[1]!, Number(m[2])))
  add(new RegExp(`\\b${LEAD}${YEAR}[-/–](\\d{2})\\b`, 'gi'), (m) => (Number(m[2]) === (Number(m[1]) + 1) % 100 ? isoDate(Number(m[1]) + 1, 3, 31) : null))
  add(new RegExp(`\\b(?:by|in|during|before|within|for)\\s+${YEAR}\\b`, 'gi'), (m) => `${m[1]}-12-31`)
  if (letterYear !== null) {
    // Each optional word brings its own spaces: "(by\s+)?(…)?\s*" let two runs of spaces trade
    // characters, quadratic on "by" and a long run of spaces.
    add(/\b(?:(?:by|before|in)\s+)?(?:(?:later|early|the end of|the start of)\s+)?this year\b|\bby the end of the year\b|\bbefore the end of the year\b|\blater in the year\b/gi, (m) => (/early|start/i.test(m[0]) ? `${letterYear}-03-31` : `${letterYear}-12-31`))
    add(/\b(?:early|later|the end of|by the end of)?\s*next year\b/gi, (m) => (/early/i.test(m[0]) ? `${letterYear + 1}-04-30` : `${letterYear + 1}-12-31`))
    add(/\b(?:by|in|during|before)?\s*(?:the\s+)?(?:this|the coming|next)\s+(spring|summer|autumn|winter)\b/gi, (m) => {
      const thisYear = seasonEnd(m[1]!, letterYear)
      return thisYear && letterDay && thisYear < letterDay ? seasonEnd(m[1]!, letterYear + 1) : thisYear
    })
  }
  return found.sort((a, b) => a.index - b.index)
}

function seasonEnd(season: string, year: number): string | null {
  const [month, day] = SEASON_END[season.toLowerCase()]!
  // Winter 2022 runs into 2023: it ends on the last day of February after it.
  return season.toLowerCase() === 'winter' ? endOfMonth(year + 1, 2) : isoDate(year, month, day)
}

function partOfYear(part: string, year: number): string {
  const p = part.toLowerCase()
  if (/first half|start|beginning|early/.test(p)) return p.startsWith('first') ? `${year}-06-30` : `${year}-04-30`
  if (/middle|mid/.test(p)) return `${year}-07-31`
  return `${year}-12-31`
}

/** Dated promises in the letter's text; `letterDate` leaves out dates already past when it was written. */
export function findCommitments(text: string, letterDate: string | null): FoundCommitment[] {
  const letterDay = letterDate?.slice(0, 10) ?? null
  const found: FoundCommitment[] = []
  for (const segment of letterSegments(text)) {
    for (const sentence of segment.sentences) {
      const words = text.slice(sentence.start, sentence.end)
      if (!FUTURE.test(words) || NEGATED.test(words)) continue
      const date = datesIn(words, letterDay).find((d) => letterDay === null || d.dueOn >= letterDay)
      if (!date) continue
      found.push({ start: sentence.start, end: sentence.end, text: words, dueOn: date.dueOn, dueText: date.text })
    }
  }
  return found
}
