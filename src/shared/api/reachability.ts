// Whether the team database can be reached, watched at the transport: a call answered
// 'unreachable' shows the banner and starts retrying (1 s, 2 s, 4 s … at most 30 s) with a harmless
// read; the first call that succeeds, a retry or the person's own, clears it and tells the
// listeners (the live store reloads what is on screen, since others may have written meanwhile).
// Nothing is reloaded while the server is away, so what a person typed stays in its form.
// Framework-free: the renderer hands in a reactive `state` object for its banner to follow.
import type { Transport } from './client'

const FIRST_RETRY_MS = 1_000
const LONGEST_RETRY_MS = 30_000

export interface Reachability {
  /** The core's sentence while the server cannot be reached, else null. */
  problem: string | null
  /** The server as the sentence names it ("HOST:PORT/DB"), for the banner. */
  server: string | null
  /** Retries made since the server went away. */
  retries: number
}

export interface ReachabilityWatch {
  state: Reachability
  /** The transport to give the client: the same calls, watched. */
  transport: Transport
  /** Retries at once (the banner's "Try now"). */
  retryNow(): void
  onBack(listener: () => void): void
}

export interface Timers {
  set(run: () => void, ms: number): unknown
  clear(handle: unknown): void
}

const realTimers: Timers = { set: (run, ms) => setTimeout(run, ms), clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) }

export function watchReachability(inner: Transport, state: Reachability = { problem: null, server: null, retries: 0 }, timers: Timers = realTimers): ReachabilityWatch {
  const listeners: (() => void)[] = []
  let timer: unknown = null
  let delay = FIRST_RETRY_MS

  const reached = () => {
    if (state.problem === null) return
    state.problem = null
    state.server = null
    state.retries = 0
    delay = FIRST_RETRY_MS
    if (timer !== null) timers.clear(timer)
    timer = null
    for (const listener of listeners) listener()
  }
  const lost = (message: string) => {
    state.problem = message
    state.server = /at (.+?) cannot be reached/.exec(message)?.[1] ?? null
    if (timer === null) schedule()
  }
  const schedule = () => {
    timer = timers.set(() => void retry(), delay)
    delay = Math.min(delay * 2, LONGEST_RETRY_MS)
  }
  const retry = async () => {
    timer = null
    state.retries += 1
    await transport('app.info', {}).catch(() => undefined)
    if (state.problem !== null && timer === null) schedule()
  }
  const transport: Transport = async (method, input) => {
    const envelope = await inner(method, input)
    if (!envelope.ok && envelope.error.code === 'unreachable') lost(envelope.error.message)
    else reached()
    return envelope
  }
  return {
    state,
    transport,
    retryNow() {
      if (state.problem === null) return
      if (timer !== null) timers.clear(timer)
      void retry()
    },
    onBack: (listener) => void listeners.push(listener),
  }
}
