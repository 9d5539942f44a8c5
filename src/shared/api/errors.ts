// Errors cross every transport as data, never as thrown exceptions or stack traces.
export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'conflict',
  /** A save based on a version someone else has since replaced; `details` is a StaleDetails. */
  'stale',
  /** The person's role (reader) does not allow the change. */
  'forbidden',
  'unsupported_file',
  'cancelled',
  'file_error',
  /** A team database's server cannot be reached (the transport may retry). */
  'unreachable',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiError {
  code: ErrorCode
  /** One clear sentence for a person: what happened and what to do. */
  message: string
  /** Data for the app to act on (a stale save carries the stored value: StaleDetails). */
  details?: unknown
}

/** What a stale refusal carries, so the app can show the stored text beside the person's own. */
export interface StaleDetails {
  /** The version now stored; saving again against it replaces it ("Keep mine"). */
  version: number
  updatedBy: string | null
  updatedAt: string | null
  /** The stored value, in the shape the save method returns (an AssessmentView, a GroupPreamble …). */
  current: unknown
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** Thrown by core code for expected failures; the dispatcher turns it into an error envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'AppError'
  }
}
