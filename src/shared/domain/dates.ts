// Date helpers shared by both processes. Dates cross the process boundary as ISO strings (dto.ts);
// these helpers read the calendar date straight from the string rather than through `Date`, so that
// a date never shifts by a day with the machine's time zone.

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

const ISO_DATE = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T ]|\s)/

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/**
 * "2021-03-04" (or a full ISO timestamp starting with that date) → "4 March 2021", the British long
 * form used in letters and published documents. Anything that is not a real calendar date is
 * returned trimmed but otherwise unchanged, so a bad value stays visible instead of vanishing.
 */
export function formatLongDate(iso: string): string {
  const match = ISO_DATE.exec(iso)
  if (!match) return iso.trim()
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return iso.trim()
  return `${day} ${MONTHS[month - 1]} ${year}`
}
