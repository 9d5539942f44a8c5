// The typed API every caller in the renderer uses. A transport carries (method, input) to the
// dispatcher and brings back its envelope; the client turns error envelopes into ApiCallError.
// A subscriber, where the transport has one, brings the core's events.
import type { MethodInput, MethodName, MethodOutput } from './contract'
import type { ApiError, Envelope } from './errors'
import type { EventName, EventPayloads } from './events'

export type Transport = (method: MethodName, input: unknown) => Promise<Envelope<unknown>>
export type Subscriber = (event: EventName, callback: (payload: unknown) => void) => () => void

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message)
    this.name = 'ApiCallError'
  }
  get code() {
    return this.error.code
  }
}

export interface Api {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  /** Calls back with each event of that name; returns the function that unsubscribes. */
  subscribe<E extends EventName>(event: E, callback: (payload: EventPayloads[E]) => void): () => void
}

export function createClient(transport: Transport, subscriber?: Subscriber): Api {
  return {
    async call(method, input) {
      const envelope = await transport(method, input)
      if (!envelope.ok) throw new ApiCallError(envelope.error)
      return envelope.value as never
    },
    subscribe(event, callback) {
      return subscriber ? subscriber(event, callback as (payload: unknown) => void) : () => undefined
    },
  }
}
