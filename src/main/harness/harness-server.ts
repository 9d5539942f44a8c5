// The loopback transport: serves the built renderer and answers POST /rpc with the real core, so
// the UI can be driven in a plain browser (tests, trying the UI without Electron). It listens on
// 127.0.0.1 only, checks the Host header (against DNS rebinding) and a per-run token that only
// the served page knows (other sites cannot read it across origins).
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { EVENT_NAMES } from '../../shared/api/events'
import type { EventHub } from '../core/events/event-hub'
import type { Dispatch } from '../core/rpc/dispatch'
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy'
import { CONTENT_TYPES } from '../security/content-types'

export const TOKEN_HEADER = 'x-progress-desk-token'
const MAX_BODY_BYTES = 80 * 1024 * 1024

export interface HarnessOptions {
  dispatch: Dispatch
  /**
   * A dispatcher acting as someone else, for a call that names `as`: on this loopback harness a
   * test plays a second person on the same core (the acting name is self-declared anyway).
   */
  dispatchAs?: (actor: string) => Dispatch
  rendererDir: string
  port?: number
  /** The core's events, streamed to pages at GET /events (server-sent events). */
  events?: EventHub
}

export interface RunningHarness {
  server: Server
  url: string
  token: string
  close(): Promise<void>
}

export async function startHarness(options: HarnessOptions): Promise<RunningHarness> {
  const token = randomBytes(24).toString('hex')
  let expectedHost = ''
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendJson(response, { ok: false, error: { code: 'internal', message: 'The harness could not answer that request.' } }, 500)
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse) {
    if (request.headers.host !== expectedHost) return send(response, 421, 'text/plain; charset=utf-8', 'Wrong host')
    let url: URL
    try {
      url = new URL(request.url ?? '/', `http://${expectedHost}`)
    } catch {
      return refuse(response, 400, 'The request’s address could not be read.')
    }
    if (url.pathname === '/rpc') return rpc(request, response)
    if (url.pathname === '/events') return eventStream(request, response)
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed')
    return staticFile(url.pathname, response)
  }

  async function rpc(request: IncomingMessage, response: ServerResponse) {
    if (request.method !== 'POST') return refuse(response, 405, 'Calls are made with POST.')
    if (request.headers[TOKEN_HEADER] !== token) return refuse(response, 403, 'The request did not carry this harness’s token.')
    if (!String(request.headers['content-type']).startsWith('application/json')) return refuse(response, 415, 'Calls are sent as JSON.')
    const body = await readBody(request)
    if (body === null) return refuse(response, 413, 'The request is too large.')
    let message: unknown
    try {
      message = JSON.parse(body)
    } catch {
      return refuse(response, 400, 'The request was not valid JSON.')
    }
    // null, an array, a number…: valid JSON, but not a call.
    if (typeof message !== 'object' || message === null || Array.isArray(message)) return refuse(response, 400, 'The request must be a JSON object with a method and an input.')
    const call = message as { method?: unknown; input?: unknown; as?: unknown }
    const actor = typeof call.as === 'string' ? call.as.trim() : ''
    if (call.as !== undefined && (actor === '' || actor.length > 200 || !options.dispatchAs)) return refuse(response, 400, 'A call’s "as" must be a name of at most 200 characters.')
    sendJson(response, await (actor === '' ? options.dispatch : options.dispatchAs!(actor))(call.method, call.input))
  }

  // Server-sent events over a fetch the page makes with its token (EventSource cannot send the
  // header). One line of JSON per event; a comment every 25 s keeps idle proxies from closing it.
  function eventStream(request: IncomingMessage, response: ServerResponse) {
    if (request.method !== 'GET') return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed')
    if (request.headers[TOKEN_HEADER] !== token) return send(response, 403, 'text/plain; charset=utf-8', 'Forbidden')
    if (!options.events) return send(response, 404, 'text/plain; charset=utf-8', 'Not found')
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    })
    response.write(': connected\n\n')
    const events = options.events
    const unsubscribers = EVENT_NAMES.map((name) => events.subscribe(name, (payload) => response.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)))
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 25_000)
    keepAlive.unref()
    request.on('close', () => {
      clearInterval(keepAlive)
      unsubscribers.forEach((unsubscribe) => unsubscribe())
    })
  }

  async function staticFile(pathname: string, response: ServerResponse) {
    let decoded: string
    try {
      decoded = decodeURIComponent(pathname)
    } catch {
      return refuse(response, 400, 'The path has a malformed percent-escape.')
    }
    if (decoded.includes('\u0000')) return refuse(response, 400, 'The path has a NUL character.')
    const relative = pathname === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
    const file = normalize(join(options.rendererDir, relative))
    if (!file.startsWith(options.rendererDir + sep)) return send(response, 404, 'text/plain; charset=utf-8', 'Not found')
    const content = await readFile(file).catch(() => null)
    if (!content) return send(response, 404, 'text/plain; charset=utf-8', 'Not found')
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream'
    if (extname(file) === '.html') {
      const html = content.toString('utf8').replace('<meta name="progress-desk-token" content="" />', `<meta name="progress-desk-token" content="${token}" />`)
      return send(response, 200, type, html)
    }
    return send(response, 200, type, content)
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  expectedHost = `127.0.0.1:${port}`
  return {
    server,
    url: `http://${expectedHost}/`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        // A page left open keeps its keep-alive connections; the harness is going, so cut them
        // rather than wait for the browser to let go.
        server.closeAllConnections()
      }),
  }
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        request.destroy()
        resolve(null)
      } else chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer) {
  response.writeHead(status, {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  })
  response.end(body)
}

function sendJson(response: ServerResponse, value: unknown, status = 200) {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value))
}

/** A malformed request: a 4xx status with the same error envelope the dispatcher uses. */
function refuse(response: ServerResponse, status: number, message: string) {
  sendJson(response, { ok: false, error: { code: 'invalid_input', message } }, status)
}
