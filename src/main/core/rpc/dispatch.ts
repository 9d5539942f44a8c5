// One dispatcher for every transport: look the method up, validate its input, call the handler,
// and answer with an envelope. Expected failures (AppError) keep their code and message; anything
// else is logged in full and answered with a generic sentence, so SQL and stacks never leave.
import { contract, isMethodName, type MethodName, type MethodOutput, type ParsedInput } from '../../../shared/api/contract'
import { AppError, type Envelope } from '../../../shared/api/errors'
import { explainSqliteError } from '../db/sqlite-errors'
import type { Host } from './host'

export interface CallContext {
  host: Host
}

export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>, context: CallContext) => Promise<MethodOutput<M>> | MethodOutput<M>
}

export type Dispatch = (method: unknown, input: unknown) => Promise<Envelope<unknown>>

export interface DispatchOptions {
  host: Host
  log?: (message: string, error: unknown) => void
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
    try {
      const handler = handlers[method] as (input: unknown, context: CallContext) => unknown
      const value = await handler(parsed.data, { host: options.host })
      return { ok: true, value }
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message)
      const explained = explainSqliteError(error)
      if (explained) return fail(explained.code, explained.message)
      log(`Unexpected error in ${method}`, error)
      return fail('internal', 'Something went wrong inside Progress Desk. Nothing was changed; please try again.')
    }
  }
}

function fail(code: AppError['code'], message: string): Envelope<never> {
  return { ok: false, error: { code, message } }
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `“${value.slice(0, 60)}”` : `of type ${typeof value}`
}
