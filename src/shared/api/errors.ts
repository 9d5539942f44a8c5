// Errors cross every transport as data, never as thrown exceptions or stack traces.
export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'conflict',
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
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** Thrown by core code for expected failures; the dispatcher turns it into an error envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'AppError'
  }
}
