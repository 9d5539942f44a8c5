// The typed API every caller in the renderer uses. A transport carries (method, input) to the
// dispatcher and brings back its envelope; the client turns error envelopes into ApiCallError.
import type { MethodInput, MethodName, MethodOutput } from './contract'
import type { ApiError, Envelope } from './errors'

export type Transport = (method: MethodName, input: unknown) => Promise<Envelope<unknown>>

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
}

export function createClient(transport: Transport): Api {
  return {
    async call(method, input) {
      const envelope = await transport(method, input)
      if (!envelope.ok) throw new ApiCallError(envelope.error)
      return envelope.value as never
    },
  }
}
