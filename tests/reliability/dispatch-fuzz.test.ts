// Random payloads at every contract method through the dispatcher: always an envelope, a typed
// error when it fails, never a crash, and a failed call leaves the data exactly as it was.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../../src/shared/api/errors'
import { METHOD_NAMES } from '../../src/shared/api/method-names'
import type { Dispatch } from '../../src/main/core/rpc/dispatch'
import { noHost } from '../../src/main/core/rpc/host'
import { loadDemo } from '../../src/main/core/demo/load-demo'
import { createTestCore, RESOURCES_DIR, type TestCore } from '../support/test-core'

let core: TestCore
let dispatch: Dispatch
beforeAll(async () => {
  core = await createTestCore()
  await loadDemo(core.ctx, RESOURCES_DIR)
  dispatch = core.dispatcher(noHost)
})
afterAll(() => core.dispose())

/** Row counts of every table: equal before and after a failed call means nothing was written. */
function fingerprint(): string {
  const tables = core.connection.sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name").pluck().all() as string[]
  return tables.map((t) => `${t}:${core.connection.sqlite.prepare(`SELECT count(*) FROM "${t}"`).pluck().get()}`).join(',')
}

// Plausible shapes (the right keys with wrong or edge values) find more than pure noise.
const edgy = fc.oneof(
  fc.anything(),
  fc.integer({ min: -3, max: 200 }),
  fc.constantFrom(0, -1, 1, 2, 3, 1e308, Number.NaN, '', ' ', '1', 'Implemented', 'demo', 'empty', null, true, [], {}),
  fc.string({ maxLength: 40 }),
)
const keys = ['id', 'letterId', 'recommendationId', 'cycleId', 'status', 'response', 'narrative', 'quote', 'note', 'choice', 'files', 'name', 'limit', 'linked', 'organisationId', 'includeAnnex', 'dataBase64']
const payload = fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...keys), edgy, { maxKeys: 5 }))

describe('every contract method under random input', () => {
  it.each(METHOD_NAMES.filter((m) => m !== 'app.chooseStart'))('%s answers with an envelope and never writes half-way', async (method) => {
    await fc.assert(
      fc.asyncProperty(payload, async (input) => {
        const before = fingerprint()
        const envelope = await dispatch(method, input)
        expect(typeof envelope.ok).toBe('boolean')
        if (!envelope.ok) {
          expect(ERROR_CODES).toContain(envelope.error.code)
          expect(envelope.error.message.length).toBeGreaterThan(10)
          expect(envelope.error.code).not.toBe('internal')
          expect(fingerprint()).toBe(before)
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 60), seed: Number(process.env.FUZZ_SEED ?? 20211124) },
    )
    expect(core.connection.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(core.connection.sqlite.pragma('foreign_key_check')).toEqual([])
  })
})
