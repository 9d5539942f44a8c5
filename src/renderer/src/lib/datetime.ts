// Times of day for things that happen within a session (backups, changes in the history), shown
// in the machine's own time zone. Calendar dates of letters and cycles never go through `Date`
// (see shared/domain/dates.ts); a timestamp is a moment, so here the local clock is what people expect.
import { formatLongDate } from '../../../shared/domain/dates'

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** "24 November 2026 at 14:05" in local time; the input as given when it is not a timestamp. */
export function longDateTime(iso: string): string {
  const parts = dayAndTime(iso)
  return parts ? `${parts.day} at ${parts.time}` : iso
}

/** "14:05 on 24 November 2026", as the core words a stale refusal; the input as given when it is not a timestamp. */
export function timeOnDate(iso: string): string {
  const parts = dayAndTime(iso)
  return parts ? `${parts.time} on ${parts.day}` : iso
}

function dayAndTime(iso: string): { day: string; time: string } | null {
  const moment = new Date(iso)
  if (Number.isNaN(moment.getTime())) return null
  return { day: formatLongDate(`${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`), time: `${pad(moment.getHours())}:${pad(moment.getMinutes())}` }
}

/** Today as YYYY-MM-DD on this machine's calendar, for date fields' defaults. */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** True when a letter's date falls within a cycle's dates (an open end counts as unbounded). */
export function withinCycle(date: string | null, startsOn: string | null, endsOn: string | null): boolean {
  if (!date) return false
  const day = date.slice(0, 10)
  return (!startsOn || day >= startsOn) && (!endsOn || day <= endsOn)
}
