// The renderer's one door to the core. Under Electron the preload's bridge carries calls over IPC;
// in a plain browser (tests, `npm run serve:browser`) they go to the loopback harness's /rpc with
// the per-run token the harness wrote into index.html, and events come from its /events stream.
// Only stores import this module.
import { createClient, type Subscriber, type Transport } from '../../shared/api/client'
import type { Envelope } from '../../shared/api/errors'
import { createEventStreamSubscriber } from './lib/event-stream'
import { reactive } from 'vue'
import { watchReachability, type Reachability } from '../../shared/api/reachability'

const TOKEN_HEADER = 'x-progress-desk-token'

function readToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="progress-desk-token"]')?.content ?? ''
}

const bridgeTransport: Transport = (method, input) => window.bridge!.invoke(method, input)
const bridgeSubscriber: Subscriber = (event, callback) => window.bridge!.subscribe(event, callback)

const httpTransport: Transport = async (method, input) => {
  const response = await fetch('/rpc', {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: readToken() },
    body: JSON.stringify({ method, input }),
  })
  // The harness answers every handled call with 200 and an envelope; anything else means the
  // request itself was refused (stale token after a restart, too large), so say so as data.
  if (!response.ok) {
    return {
      ok: false,
      error: {
        code: 'internal',
        message: `Progress Desk refused the request (HTTP ${response.status}). Reload the page and try again.`,
      },
    } satisfies Envelope<unknown>
  }
  return (await response.json()) as Envelope<unknown>
}

const httpSubscriber = createEventStreamSubscriber('/events', () => ({ [TOKEN_HEADER]: readToken() }))

/** A team database out of reach: the banner, the retries and the reload once it is back. */
export const reachability = watchReachability(window.bridge ? bridgeTransport : httpTransport, reactive<Reachability>({ problem: null, server: null, retries: 0 }))

export const api = createClient(reachability.transport, window.bridge ? bridgeSubscriber : httpSubscriber)
