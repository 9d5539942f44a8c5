// Random payloads at every contract method through the dispatcher: always an envelope, a typed
// error when it fails, never a crash, and a failed call leaves every row of every table exactly as
// it was. The methods and the keys of their inputs are read from the contract itself, so a method
// added to the contract is fuzzed without touching this file.
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { contract, type MethodName } from '../../src/shared/api/contract'
import { ERROR_CODES } from '../../src/shared/api/errors'
import type { Dispatch } from '../../src/main/core/rpc/dispatch'
import { noHost } from '../../src/main/core/rpc/host'
import { loadDemo } from '../../src/main/core/demo/load-demo'
import { shapedLike } from '../support/contract-arbitrary'
import { createTestCore, RESOURCES_DIR, type TestCore } from '../support/test-core'

let core: TestCore
let dispatch: Dispatch
beforeAll(async () => {
  core = await createTestCore()
  await loadDemo(core.ctx, RESOURCES_DIR)
  dispatch = core.dispatcher(noHost)
})
afterAll(() => core.dispose())

const METHODS = Object.keys(contract) as MethodName[]

type TableRows = Record<string, string[]>

/** Every row of every stored table (full-text indexes through their shadow tables), as text. */
function dumpTables(): TableRows {
  const sqlite = core.connection.sqlite
  const tables = sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name").pluck().all() as string[]
  const cell = (value: unknown) => (value instanceof Uint8Array ? `blob:${value.length}:${createHash('sha256').update(value).digest('hex')}` : typeof value === 'bigint' ? `${value}n` : value)
  return Object.fromEntries(tables.map((table) => [table, (sqlite.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).map((row) => JSON.stringify(row.map(cell)))]))
}

// Dumping every table takes tens of milliseconds, and most calls write nothing. The dump is taken
// again only when a row may have changed: total_changes() counts every row this connection
// inserted, updated or deleted (rolled back or not), data_version moves when another connection
// commits, schema_version when a table is made or dropped, and a restore opens a new connection.
// While none of these moves, the last dump stands.
let last: { sqlite: unknown; key: string; rows: TableRows } | null = null
function tableContents(): TableRows {
  const sqlite = core.connection.sqlite
  const key = [sqlite.prepare('SELECT total_changes()').pluck().get(), sqlite.pragma('data_version', { simple: true }), sqlite.pragma('schema_version', { simple: true })].join('/')
  if (last === null || last.sqlite !== sqlite || last.key !== key) last = { sqlite, key, rows: dumpTables() }
  return last.rows
}

// Noise, plausible keys with wrong values, and inputs shaped like the method's own schema (which
// pass validation and reach the handler with ids that may not exist, dates that are not, …).
const edgy = fc.oneof(
  fc.anything(),
  fc.integer({ min: -3, max: 200 }),
  fc.constantFrom(0, -1, 1, 2, 3, 1e308, Number.NaN, '', ' ', '1', 'Implemented', 'demo', 'empty', null, true, [], {}),
  fc.string({ maxLength: 40 }),
)
const inputKeys = (schema: z.ZodType): string[] => (schema instanceof z.ZodObject ? Object.keys(schema.shape) : [])
const payloadFor = (method: MethodName) => {
  const schema = contract[method].input
  const keys = inputKeys(schema)
  return fc.oneof(
    { arbitrary: fc.anything(), weight: 1 },
    { arbitrary: keys.length > 0 ? fc.dictionary(fc.constantFrom(...keys), edgy, { maxKeys: 5 }) : fc.anything(), weight: 1 },
    { arbitrary: shapedLike(schema), weight: 4 },
  )
}

describe('every contract method under random input', () => {
  it('covers the whole contract, and its check of the tables sees a change that keeps every count', () => {
    expect(METHODS.length).toBeGreaterThan(30)
    expect(METHODS).toContain('app.chooseStart')
    const before = tableContents()
    core.connection.sqlite.prepare("UPDATE settings SET value = value || ' ' WHERE key = (SELECT min(key) FROM settings)").run()
    const changed = tableContents()
    expect(changed).not.toEqual(before)
    expect(Object.fromEntries(Object.entries(changed).map(([table, rows]) => [table, rows.length]))).toEqual(Object.fromEntries(Object.entries(before).map(([table, rows]) => [table, rows.length])))
    core.connection.sqlite.prepare("UPDATE settings SET value = substr(value, 1, length(value) - 1) WHERE key = (SELECT min(key) FROM settings)").run()
    expect(tableContents()).toEqual(before)
  })

  it.each(METHODS)('%s answers with an envelope and never writes half-way', async (method) => {
    let reachedHandler = 0
    await fc.assert(
      fc.asyncProperty(payloadFor(method), async (input) => {
        const before = tableContents()
        if (contract[method].input.safeParse(input ?? {}).success) reachedHandler++
        const envelope = await dispatch(method, input)
        expect(typeof envelope.ok).toBe('boolean')
        if (envelope.ok) return
        expect(ERROR_CODES).toContain(envelope.error.code)
        expect(envelope.error.message.length).toBeGreaterThan(10)
        expect(envelope.error.code).not.toBe('internal')
        expect(tableContents()).toEqual(before)
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 60), seed: Number(process.env.FUZZ_SEED ?? 20211124) },
    )
    // Some inputs passed validation, so the handler itself was fuzzed, not only the schema.
    expect(reachedHandler).toBeGreaterThan(0)
    expect(core.connection.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(core.connection.sqlite.pragma('foreign_key_check')).toEqual([])
  })
})
