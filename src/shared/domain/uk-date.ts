// Dates as people in the UK type them: day/month/year (27/03/2022, 27.3.2022, 27-03-2022), or
// an ISO date pasted from elsewhere (2022-03-27). Chromium's <input type="date"> follows the
// browser's locale rather than the page's lang, so the app reads dates from a text box instead.
import { formatLongDate } from './dates'

export const UK_DATE_EXAMPLE = '27/03/2022'

export type ParsedDate = { ok: true; iso: string } | { ok: false; error: string }

const DAY_FIRST = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d+)$/
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/

/** "27/03/2022" for a stored YYYY-MM-DD; empty for none. */
export function ukDate(iso: string | null | undefined): string {
  const parts = iso ? ISO.exec(iso.slice(0, 10)) : null
  return parts ? `${parts[3]}/${parts[2]}/${parts[1]}` : ''
}

/**
 * The YYYY-MM-DD a person meant, or one sentence saying what is wrong. An empty box is no date
 * (ok with an empty iso); `min` and `max` (YYYY-MM-DD) bound it, inclusive.
 */
export function parseUkDate(text: string, bounds: { min?: string | undefined; max?: string | undefined } = {}): ParsedDate {
  const typed = text.trim()
  if (typed === '') return { ok: true, iso: '' }
  // Anything longer than a date with generous spacing is not one; the patterns never see it.
  const iso = typed.length > 24 ? null : ISO.exec(typed)
  const dayFirst = iso || typed.length > 24 ? null : DAY_FIRST.exec(typed)
  if (!iso && !dayFirst) return { ok: false, error: `Enter the date as day/month/year, such as ${UK_DATE_EXAMPLE}.` }
  const [day, month, year] = iso ? [iso[3]!, iso[2]!, iso[1]!] : [dayFirst![1]!, dayFirst![2]!, dayFirst![3]!]
  if (year.length !== 4 || year.startsWith('0')) return { ok: false, error: `Enter the year in full, such as ${UK_DATE_EXAMPLE.slice(-4)}.` }
  const [d, m, y] = [Number(day), Number(month), Number(year)]
  const date = new Date(Date.UTC(y, m - 1, d))
  if (m < 1 || m > 12 || d < 1 || date.getUTCDate() !== d || date.getUTCMonth() !== m - 1) {
    return { ok: false, error: `${typed} is not a real date; enter day/month/year, such as ${UK_DATE_EXAMPLE}.` }
  }
  const result = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  if (bounds.min && result < bounds.min) return { ok: false, error: `Enter a date on or after ${formatLongDate(bounds.min)}.` }
  if (bounds.max && result > bounds.max) return { ok: false, error: `Enter a date on or before ${formatLongDate(bounds.max)}.` }
  return { ok: true, iso: result }
}
