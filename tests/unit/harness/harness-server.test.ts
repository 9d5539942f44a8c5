import { request } from 'node:http'
import { connect } from 'node:net'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, TOKEN_HEADER, type RunningHarness } from '../../../src/main/harness/harness-server'
import { noHost } from '../../../src/main/core/rpc/host'
import { createTestCore, type TestCore } from '../../support/test-core'

let core: TestCore
let harness: RunningHarness
let rendererDir: string

beforeAll(async () => {
  core = await createTestCore()
  rendererDir = mkdtempSync(join(tmpdir(), 'renderer-'))
  mkdirSync(join(rendererDir, 'assets'))
  writeFileSync(join(rendererDir, 'index.html'), '<html><head><meta name="progress-desk-token" content="" /></head></html>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(tmpdir(), 'outside.txt'), 'secret')
  harness = await startHarness({ dispatch: core.dispatcher(noHost), rendererDir })
})
afterAll(async () => {
  await harness.close()
  await core.dispose()
  rmSync(rendererDir, { recursive: true, force: true })
})

const rpc = (body: unknown, headers: Record<string, string> = { [TOKEN_HEADER]: harness.token }) =>
  fetch(new URL('/rpc', harness.url), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

describe('the loopback harness', () => {
  it('listens on 127.0.0.1 and serves the page with its token and a strict CSP', async () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    const response = await fetch(harness.url)
    expect(await response.text()).toContain(`content="${harness.token}"`)
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect((await fetch(new URL('/assets/app.js', harness.url))).headers.get('content-type')).toContain('text/javascript')
  })

  it('answers RPC calls that carry the token', async () => {
    const response = await rpc({ method: 'groups.list', input: {} })
    expect(await response.json()).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ name: 'Government' })]) })
    expect(await (await rpc({ method: 'letters.get', input: { id: 'x' } })).json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('refuses calls without the token, from another host name, and paths outside its folder', async () => {
    expect((await rpc({ method: 'groups.list', input: {} }, {})).status).toBe(403)
    expect((await rpc({ method: 'groups.list', input: {} }, { [TOKEN_HEADER]: 'guess' })).status).toBe(403)
    // fetch() cannot set Host, so a DNS-rebinding page is imitated with a raw request.
    expect(await statusWithHost('evil.example')).toBe(421)
    expect((await fetch(new URL('/..%2f..%2foutside.txt', harness.url))).status).toBe(404)
    expect((await fetch(new URL('/rpc', harness.url))).status).toBe(405)
  })
  it('acts as the person a call names with "as", and refuses a blank or missing one', async () => {
    const names: string[] = []
    const own = await startHarness({ dispatch: core.dispatcher(noHost), dispatchAs: (actor) => (names.push(actor), core.dispatcher(noHost, { actor })), rendererDir })
    const call = (body: unknown) => fetch(new URL('/rpc', own.url), { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: own.token }, body: JSON.stringify(body) })
    try {
      expect(await (await call({ method: 'groups.list', input: {}, as: ' Priya Shah ' })).json()).toMatchObject({ ok: true })
      expect(names).toEqual(['Priya Shah'])
      expect((await call({ method: 'groups.list', input: {}, as: '  ' })).status).toBe(400)
      expect((await call({ method: 'groups.list', input: {}, as: 7 })).status).toBe(400)
      // The shared harness was started without dispatchAs: it names nobody else.
      expect((await rpc({ method: 'groups.list', input: {}, as: 'Priya Shah' })).status).toBe(400)
    } finally {
      await own.close()
    }
  })

  it('closes even while a browser holds a connection open without sending a request', async () => {
    // Chromium opens spare connections ahead of need; server.close() alone waits for them until
    // Node's 60 s headers timeout, which once held up the browser tests' teardown.
    const own = await startHarness({ dispatch: core.dispatcher(noHost), rendererDir })
    const socket = connect(Number(new URL(own.url).port), '127.0.0.1')
    await new Promise((resolve) => socket.once('connect', resolve))
    const closedByServer = new Promise((resolve) => socket.once('close', resolve))
    await own.close()
    await closedByServer
    expect(socket.destroyed).toBe(true)
  })
})

function statusWithHost(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(harness.url, { headers: { host } }, (response) => {
      response.resume()
      resolve(response.statusCode ?? 0)
    })
    req.on('error', reject)
    req.end()
  })
}

describe('malformed requests', () => {
  const raw = (path: string, body?: string) =>
    fetch(new URL(path, harness.url), body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: harness.token }, body })

  it('answers each with a 4xx JSON error, never a 500', async () => {
    const cases: [string, string | undefined][] = [
      ['/rpc', 'null'],
      ['/rpc', '[]'],
      ['/rpc', '42'],
      ['/rpc', '"groups.list"'],
      ['/rpc', '{"method":'],
      ['/rpc', ''],
      ['/%E0%A4%A', undefined],
      ['/assets/%ZZapp.js', undefined],
      ['/%00', undefined],
    ]
    for (const [path, body] of cases) {
      const response = await raw(path, body)
      expect({ path, body, status: response.status }).toEqual({ path, body, status: 400 })
      expect(response.headers.get('content-type')).toContain('application/json')
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.any(String) } })
    }
  })

  it('answers a call with a missing or odd method as an error envelope', async () => {
    for (const body of ['{}', '{"method":null}', '{"method":"groups.list","input":null}', '{"method":{"toString":1}}']) {
      const response = await raw('/rpc', body)
      expect(response.status).toBeLessThan(500)
      expect(await response.json()).toHaveProperty('ok')
    }
  })
})
