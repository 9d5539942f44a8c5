import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract } from '../../../src/shared/api/contract'
import { METHOD_NAMES } from '../../../src/shared/api/method-names'
import { createClient, ApiCallError } from '../../../src/shared/api/client'
import type { Dispatch } from '../../../src/main/core/rpc/dispatch'
import { noHost } from '../../../src/main/core/rpc/host'
import { LATEST_SCHEMA_VERSION } from '../../../src/main/core/db/sqlite/migrations'
import { createTestCore, type TestCore } from '../../support/test-core'

let core: TestCore
let dispatch: Dispatch
beforeEach(async () => {
  core = await createTestCore()
  dispatch = core.dispatcher(noHost)
})
afterEach(() => core.dispose())

describe('the dispatcher', () => {
  it('knows exactly the methods of the contract, each with a handler', () => {
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(contract).sort())
    expect(Object.keys(core.handlers).sort()).toEqual(Object.keys(contract).sort())
  })

  it('answers a valid call with its value', async () => {
    const envelope = await dispatch('app.info', {})
    expect(envelope).toMatchObject({ ok: true, value: { schemaVersion: LATEST_SCHEMA_VERSION, needsFirstRunChoice: true, counts: { letters: 0 } } })
  })

  it('answers unknown methods and invalid input with typed errors', async () => {
    expect(await dispatch('letters.drop', {})).toEqual({ ok: false, error: { code: 'unknown_method', message: 'There is no method called “letters.drop”.' } })
    expect(await dispatch(42, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    const bad = await dispatch('letters.get', { id: 'one' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('(id)') } })
    expect(await dispatch('letters.get', { id: 1, extra: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await dispatch('assessments.set', { recommendationId: 1, cycleId: 1, status: 'Done-ish', narrative: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('passes expected failures through and hides unexpected ones', async () => {
    expect(await dispatch('letters.get', { id: 999 })).toEqual({ ok: false, error: { code: 'not_found', message: 'There is no letter with id 999.' } })
    core.connection.sqlite.exec('DROP TABLE audit_log')
    const envelope = await dispatch('app.chooseStart', { choice: 'demo' })
    expect(envelope).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(envelope)).not.toMatch(/audit_log|SQLITE|at .*\.ts/)
  })

  it('drives the typed client, which throws ApiCallError on failure', async () => {
    const api = createClient((method, input) => dispatch(method, input))
    expect((await api.call('groups.list', {}))[0]).toMatchObject({ name: 'Government' })
    await expect(api.call('letters.get', { id: 5 })).rejects.toBeInstanceOf(ApiCallError)
  })
})
