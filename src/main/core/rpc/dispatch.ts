// One dispatcher for every transport: look the method up, validate its input, call the handler
// inside a call scope (who acts, what it wrote), and answer with an envelope. Expected failures
// (AppError) keep their code and message; anything else is logged in full and answered with a
// generic sentence, so SQL and stacks never leave. After a call that wrote, the `changed` event
// goes out to every subscriber.
import { contract, isMethodName, type MethodName, type MethodOutput, type ParsedInput } from '../../../shared/api/contract'
import { AppError, type Envelope } from '../../../shared/api/errors'
import { writesArchive } from '../../../shared/api/method-kinds'
import type { Role } from '../../../shared/api/people'
import { explainSqliteError } from '../db/sqlite/sqlite-errors'
import { isUniqueViolation } from '../db/unique-violation'
import { readerRefusal } from '../people/people-service'
import { runInCall, type CallScope } from './call-scope'
import type { Host } from './host'

export interface CallContext {
  host: Host
  /** Who is acting: the desktop's user, a configured display name, or the CLI's --as. */
  actor: string
  /** Which kind of caller this is, recorded with what it imports ('app' when not said). */
  via?: Via
}

export type Via = 'app' | 'cli'

export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>, context: CallContext) => Promise<MethodOutput<M>> | MethodOutput<M>
}

export type Dispatch = (method: unknown, input: unknown) => Promise<Envelope<unknown>>

export interface DispatchOptions {
  host: Host
  actor: string
  via?: Via
  log?: (message: string, error: unknown) => void
  /** The database engine's own explanation of a failure (a team database out of reach), tried first. */
  explainError?: (error: unknown) => AppError | null
  /** The acting person's role; a reader's call of a method that writes is refused before it runs. */
  roleOf?: (actor: string) => Promise<Role>
  /** Told of every call that wrote something, once the handler is done (its writes committed). */
  afterWrite?: (scope: CallScope) => Promise<void>
}

export function createDispatcher(handlers: Handlers, options: DispatchOptions): Dispatch {
  const log = options.log ?? ((message, error) => console.error(message, error))
  return async (method, input) => {
    if (!isMethodName(method)) {
      return fail('unknown_method', `There is no method called ${describe(method)}.`)
    }
    const parsed = contract[method].input.safeParse(input ?? {})
    if (!parsed.success) {
      const first = parsed.error.issues[0]
      const where = first && first.path.length > 0 ? ` (${first.path.join('.')})` : ''
      return fail('invalid_input', `The request for ${method} was not valid${where}: ${first?.message ?? 'unknown problem'}.`)
    }
    if (options.roleOf && writesArchive(method)) {
      // Asking for the role reads the database, so it can fail like any call (a team database out
      // of reach): that failure is explained the same way, never thrown at the transport.
      let role: Role
      try {
        role = await options.roleOf(options.actor)
      } catch (error) {
        return explain(method, options.explainError?.(error) ?? error, log)
      }
      if (role === 'reader') return fail('forbidden', readerRefusal(options.actor).message)
    }
    const handler = handlers[method] as (input: unknown, context: CallContext) => unknown
    return runInCall(options.actor, async (scope) => {
      const announce = async () => {
        if (!options.afterWrite || (scope.auditIds.length === 0 && scope.wholeKinds.size === 0)) return
        const sofar: CallScope = { actor: scope.actor, auditIds: scope.auditIds, wholeKinds: scope.wholeKinds }
        scope.auditIds = []
        scope.wholeKinds = new Set()
        await options.afterWrite(sofar).catch((error: unknown) => log(`Could not announce the changes made by ${method}`, error))
      }
      scope.announce = announce
      let envelope: Envelope<unknown>
      try {
        envelope = { ok: true, value: await handler(parsed.data, { host: options.host, actor: options.actor, ...(options.via ? { via: options.via } : {}) }) }
      } catch (error) {
        envelope = explain(method, options.explainError?.(error) ?? error, log)
      }
      // A failed call may still have committed part of its work (one letter of a batch): the
      // event names only what is in the database now.
      await announce()
      return envelope
    })
  }
}

function explain(method: MethodName, error: unknown, log: (message: string, error: unknown) => void): Envelope<never> {
  if (error instanceof AppError) return fail(error.code, error.message, error.details)
  const explained = explainSqliteError(error)
  if (explained) return fail(explained.code, explained.message)
  if (isUniqueViolation(error)) return fail('conflict', 'Someone else saved the same thing at the same moment, so your change was not made; look again and try once more.')
  log(`Unexpected error in ${method}`, error)
  return fail('internal', 'Something went wrong inside Progress Desk. Nothing was changed; please try again.')
}

function fail(code: AppError['code'], message: string, details?: unknown): Envelope<never> {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } }
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `“${value.slice(0, 60)}”` : `of type ${typeof value}`
}
