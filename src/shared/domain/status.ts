// The default status scale (DOMAIN.md). Order matters: it is the order of lists, legends and charts.
export const STATUSES = [
  'Implemented',
  'Partially implemented',
  'In progress',
  'Not implemented',
  'Rejected',
  'Superseded',
  'No longer applicable',
  'Not yet assessed',
] as const
export type Status = (typeof STATUSES)[number]

export const RESPONSES = [
  'Accepted',
  'Accepted in part',
  'Accepted in principle',
  'Rejected',
  'No response',
] as const
export type Response = (typeof RESPONSES)[number]

export const DEFAULT_STATUS: Status = 'Not yet assessed'

/** Matches a status name typed by a person or a CSV ("partially implemented") to the scale. */
export function parseStatus(text: string): Status | null {
  const wanted = text.trim().toLowerCase()
  return STATUSES.find((s) => s.toLowerCase() === wanted) ?? null
}

/** CSS-safe slug of a status, used for its tag colour. */
export function statusSlug(status: Status): string {
  return status.toLowerCase().replace(/[^a-z]+/g, '-')
}
