// A team database that cannot be reached (the server stopped, the network gone, a wrong address)
// fails in many ways: a socket error, a connection cut mid-query, the server shutting down. Every
// one becomes the same AppError, naming the server, so each transport can say so and retry.
import { AppError } from '../../../../shared/api/errors'

/** Socket errors of Node's net and dns modules that mean "no server to talk to". */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EPIPE'])
/** SQLSTATEs of a server going away: class 08 (connection exception), shutdowns, not yet started. */
const SERVER_GONE = /^(?:08...|57P0[1-3])$/
/** pg's own words when a connection ends under it, or cannot start in time. */
const PG_MESSAGES = /^(?:Connection terminated|connection timeout|timeout expired|Client has encountered a connection error|Connection ended unexpectedly)/i

export function isUnreachable(error: unknown): boolean {
  if (error instanceof AppError) return error.code === 'unreachable'
  if (typeof error !== 'object' || error === null) return false
  const { code, message } = error as { code?: unknown; message?: unknown }
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_GONE.test(code))) return true
  return typeof message === 'string' && PG_MESSAGES.test(message)
}

export function unreachableError(server: string): AppError {
  return new AppError('unreachable', `The team database at ${server} cannot be reached; nothing was changed. Check the network connection, or ask the administrator whether the server is running.`)
}

/** The AppError for a failure that means the server cannot be reached, else null. */
export function explainUnreachable(error: unknown, server: string): AppError | null {
  if (error instanceof AppError) return error.code === 'unreachable' ? error : null
  return isUnreachable(error) ? unreachableError(server) : null
}
