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

/**
 * How far along the way to implementation each status is, to tell a move forward from a move
 * backward between cycles. Statuses that are not steps towards implementation (Superseded, No
 * longer applicable, Not yet assessed) have no place: a move to or from them is a change, not
 * progress or regress.
 */
export const STATUS_PROGRESS: Readonly<Record<Status, number | null>> = {
  Rejected: 0,
  'Not implemented': 1,
  'In progress': 2,
  'Partially implemented': 3,
  Implemented: 4,
  Superseded: null,
  'No longer applicable': null,
  'Not yet assessed': null,
}
