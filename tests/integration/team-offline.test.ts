// A team database that goes away and comes back: the core reaches the server through a TCP relay
// the test can cut. While it is cut every call is answered with one 'unreachable' error naming the
// server (nothing half-written); once it is back, the same calls succeed without reopening the core.
import { connect, createServer, type Server, type Socket } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../src/main/core/create-core'
import { noHost } from '../../src/main/core/rpc/host'
import { createTestDatabase, testEngine } from '../support/postgres-databases'
import { FIXED_NOW, RESOURCES_DIR } from '../support/test-core'

/** Forwards 127.0.0.1:port to the real server until cut; `reopen` listens on the same port again. */
async function cuttableRelay(target: { host: string; port: number }) {
  const sockets = new Set<Socket>()
  let server: Server
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server = createServer((inbound) => {
        const outbound = connect(target.port, target.host)
        for (const socket of [inbound, outbound]) {
          sockets.add(socket)
          socket.on('error', () => undefined)
          socket.on('close', () => sockets.delete(socket))
        }
        inbound.pipe(outbound).pipe(inbound)
      })
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port))
    })
  const port = await listen(0)
  return {
    port,
    async cut() {
      await new Promise((resolve) => {
        server.close(resolve)
        for (const socket of sockets) socket.destroy()
      })
    },
    reopen: () => listen(port),
  }
}

describe.skipIf(testEngine() !== 'postgres')('a team database out of reach', () => {
  let database: { url: string; drop(): Promise<void> }
  let relay: Awaited<ReturnType<typeof cuttableRelay>>
  let core: Core
  beforeEach(async () => {
    database = await createTestDatabase()
    const real = new URL(database.url)
    relay = await cuttableRelay({ host: real.hostname, port: Number(real.port) })
    const through = new URL(database.url)
    through.port = String(relay.port)
    core = await createCore({ databasePath: through.toString(), resourcesDir: RESOURCES_DIR, clock: () => FIXED_NOW, log: () => undefined })
  })
  afterEach(async () => {
    await relay.cut()
    await core.close().catch(() => undefined)
    await database.drop()
  })

  it('answers every call with one sentence naming the server while it is gone, and works again when it is back', async () => {
    const dispatch = core.dispatcher(noHost, { actor: 'amira' })
    const register = { csv: 'name,category,aliases,email_domains\nHome Office,Government,,homeoffice.gov.uk' }
    expect((await dispatch('letters.list', {})).ok).toBe(true)
    await relay.cut()
    const server = `127.0.0.1:${relay.port}${new URL(database.url).pathname}`
    expect(await dispatch('letters.list', {})).toEqual({ ok: false, error: { code: 'unreachable', message: expect.stringContaining(`The team database at ${server} cannot be reached; nothing was changed.`) } })
    expect(await dispatch('organisations.importCsv', register)).toMatchObject({ ok: false, error: { code: 'unreachable' } })
    await relay.reopen()
    expect(await dispatch('organisations.list', {})).toEqual({ ok: true, value: [] })
    expect(await dispatch('organisations.importCsv', register)).toEqual({ ok: true, value: { created: 1, updated: 0 } })
  })
})
