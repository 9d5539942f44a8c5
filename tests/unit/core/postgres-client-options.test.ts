// A team database's URL as pg receives it: sslmode with libpq's meaning, taken out of the URL; the
// server named in sentences without its user or password; every way of being out of reach seen as
// one 'unreachable' error, including a real refused connection.
import { createServer } from 'node:net'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { createCore } from '../../../src/main/core/create-core'
import { describeServer, postgresClientOptions } from '../../../src/main/core/db/postgres/client-options'
import { explainUnreachable, isUnreachable } from '../../../src/main/core/db/postgres/unreachable'
import { AppError } from '../../../src/shared/api/errors'
import { RESOURCES_DIR } from '../../support/test-core'

const BASE = 'postgres://ann:secret@db.example.org:5433/progress'

describe('postgresClientOptions', () => {
  it('connects in plain text without sslmode, and with disable, allow or prefer', () => {
    expect(postgresClientOptions(BASE)).toEqual({ connectionString: BASE, ssl: false })
    for (const mode of ['disable', 'allow', 'prefer']) expect(postgresClientOptions(`${BASE}?sslmode=${mode}`)).toEqual({ connectionString: BASE, ssl: false })
  })

  it('encrypts without checking the certificate for require, as libpq does', () => {
    expect(postgresClientOptions(`${BASE}?sslmode=require&application_name=x`)).toEqual({ connectionString: `${BASE}?application_name=x`, ssl: { rejectUnauthorized: false } })
  })

  it('checks the chain for verify-ca (any host name) and chain and name for verify-full, with the CA file named', () => {
    const read = (path: string) => `CA from ${path}`
    const ca = postgresClientOptions(`${BASE}?sslmode=verify-ca&sslrootcert=/etc/ca.pem`, read)
    expect(ca.connectionString).toBe(BASE)
    expect(ca.ssl).toMatchObject({ rejectUnauthorized: true, ca: 'CA from /etc/ca.pem' })
    expect(ca.ssl && ca.ssl.checkServerIdentity?.('db.example.org', {} as never)).toBeUndefined()
    const full = postgresClientOptions(`${BASE}?sslmode=verify-full`, read)
    expect(full.ssl).toEqual({ rejectUnauthorized: true })
    const requireWithCa = postgresClientOptions(`${BASE}?sslmode=require&sslrootcert=/etc/ca.pem`, read)
    expect(requireWithCa.ssl).toMatchObject({ rejectUnauthorized: true, ca: 'CA from /etc/ca.pem' })
    expect(requireWithCa.ssl && typeof requireWithCa.ssl.checkServerIdentity).toBe('function')
  })

  it('refuses an unknown sslmode and an unreadable CA file with a sentence', () => {
    expect(() => postgresClientOptions(`${BASE}?sslmode=always`)).toThrow(/sslmode “always” is not one of disable, allow, prefer, require, verify-ca, verify-full/)
    expect(() => postgresClientOptions(`${BASE}?sslmode=verify-full&sslrootcert=/nowhere/ca.pem`)).toThrow(/\/nowhere\/ca\.pem named by sslrootcert could not be read/)
  })

  it('names the server by host, port and database, never the user or password', () => {
    expect(describeServer(BASE)).toBe('db.example.org:5433/progress')
    expect(describeServer('postgres://db.example.org/progress')).toBe('db.example.org:5432/progress')
  })
})

describe('a team database out of reach', () => {
  it('recognises network errors, a server shutting down and pg’s own words, and nothing else', () => {
    expect(isUnreachable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true)
    expect(isUnreachable(Object.assign(new Error('getaddrinfo ENOTFOUND db'), { code: 'ENOTFOUND' }))).toBe(true)
    expect(isUnreachable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true)
    expect(isUnreachable(Object.assign(new Error('connection failure'), { code: '08006' }))).toBe(true)
    expect(isUnreachable(new Error('Connection terminated unexpectedly'))).toBe(true)
    expect(isUnreachable(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(false)
    expect(isUnreachable(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false)
    expect(isUnreachable(new AppError('conflict', 'Stale.'))).toBe(false)
  })

  it('maps a real refused connection to one sentence naming the server', async () => {
    const port = await closedPort()
    const client = new pg.Client({ connectionString: `postgres://ann@127.0.0.1:${port}/progress` })
    const error = await client.connect().then(() => null, (e: unknown) => e)
    expect(error).not.toBeNull()
    const explained = explainUnreachable(error, `127.0.0.1:${port}/progress`)
    expect(explained?.code).toBe('unreachable')
    expect(explained?.message).toBe(`The team database at 127.0.0.1:${port}/progress cannot be reached; nothing was changed. Check the network connection, or ask the administrator whether the server is running.`)
  })

  it('refuses to open a core on a server that is not there, with the same error', async () => {
    const port = await closedPort()
    const opening = createCore({ databasePath: `postgres://ann:secret@127.0.0.1:${port}/progress`, resourcesDir: RESOURCES_DIR })
    await expect(opening).rejects.toMatchObject({ code: 'unreachable', message: expect.stringContaining(`127.0.0.1:${port}/progress cannot be reached`) })
    await expect(opening).rejects.not.toMatchObject({ message: expect.stringContaining('secret') })
  })
})

/** A port on 127.0.0.1 that nothing listens on (taken, then let go). */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}
