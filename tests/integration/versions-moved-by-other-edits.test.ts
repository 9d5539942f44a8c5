// No lost updates beyond the detail saves (issue 14, item 4): assigning a letter's sender and
// merging organisations (and a register file changing an entry) change what the letter-details and organisation editors show, so they
// move those rows to their next version, stamped; a details save from the version before is then
// refused as stale, naming who made the change. Undo still works. Runs on SQLite and PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Envelope } from '../../src/shared/api/errors'
import type { Dispatch } from '../../src/main/core/rpc/dispatch'
import { addLetter, seedDemoRegister } from '../support/review-support'
import { valueOf } from '../support/raw-sql'
import { createTestCore, type TestCore } from '../support/test-core'

let core: TestCore
let priya: Dispatch, sam: Dispatch
let letterId: number, homeOffice: number, other: number

beforeEach(async () => {
  core = await createTestCore()
  await seedDemoRegister(core)
  letterId = await addLetter(core, { text: 'The Home Office will consult on a new offence.', organisation: 'Home Office', date: '2021-03-01', subject: 'Consultation' })
  homeOffice = Number(await valueOf(core, "SELECT id FROM organisations WHERE name = 'Home Office'"))
  other = Number(await valueOf(core, "SELECT min(id) FROM organisations WHERE name <> 'Home Office'"))
  priya = core.dispatcher({} as never, { actor: 'Priya Shah' })
  sam = core.dispatcher({} as never, { actor: 'Sam Okoro' })
})
afterEach(() => core.dispose())

async function value<T>(call: Promise<Envelope<unknown>>): Promise<T> {
  const envelope = await call
  if (!envelope.ok) throw new Error(`expected success, got ${envelope.error.code}: ${envelope.error.message}`)
  return envelope.value as T
}

const letterVersion = async () => (await value<{ version: number; updatedBy: string | null }>(priya('letters.get', { id: letterId })))
const organisationVersion = async (id: number) => (await value<{ id: number; version: number }[]>(priya('organisations.list', {}))).find((o) => o.id === id)!.version

describe('edits other than the detail saves move the version on', () => {
  it('assigning a letter’s sender makes a details save from before stale, naming who assigned it', async () => {
    const opened = await letterVersion()
    await value(sam('organisations.assignLetters', { organisationId: other, letterIds: [letterId] }))
    const after = await letterVersion()
    expect(after.version).toBe(opened.version + 1)
    expect(after.updatedBy).toBe('Sam Okoro')

    const refused = await priya('letters.update', { id: letterId, subject: 'Mine', ifVersion: opened.version })
    expect(refused).toMatchObject({ ok: false, error: { code: 'stale', message: expect.stringMatching(/^Sam Okoro changed /) } })
    expect(await valueOf(core, 'SELECT subject FROM letters WHERE id = ?', letterId)).toBe('Consultation')
    await value(priya('letters.update', { id: letterId, subject: 'Mine', ifVersion: after.version }))
  })

  it('assigning a letter to the sender it already has changes nothing, version included', async () => {
    const opened = await letterVersion()
    expect(await value(sam('organisations.assignLetters', { organisationId: homeOffice, letterIds: [letterId] }))).toEqual({ assigned: 0 })
    expect((await letterVersion()).version).toBe(opened.version)
  })

  it('merging moves its letters and the kept organisation on; their editors opened before are stale', async () => {
    const letterOpened = (await letterVersion()).version
    const keptOpened = await organisationVersion(other)
    await value(sam('organisations.merge', { fromId: homeOffice, intoId: other }))
    expect((await letterVersion()).version).toBe(letterOpened + 1)
    expect(await organisationVersion(other)).toBe(keptOpened + 1)

    expect(await priya('organisations.update', { id: other, name: 'Mine', ifVersion: keptOpened })).toMatchObject({ ok: false, error: { code: 'stale' } })
    expect(await priya('letters.update', { id: letterId, subject: 'Mine', ifVersion: letterOpened })).toMatchObject({ ok: false, error: { code: 'stale' } })
  })

  it('a register file that changes an entry moves it on; the same file again does not', async () => {
    const csv = ['name,category,aliases,email_domains', 'Home Office,Government,HO,homeoffice.gov.uk'].join('\n')
    const opened = await organisationVersion(homeOffice)
    await value(sam('organisations.importCsv', { csv }))
    expect(await organisationVersion(homeOffice)).toBe(opened + 1)
    await value(sam('organisations.importCsv', { csv }))
    expect(await organisationVersion(homeOffice)).toBe(opened + 1)
  })

  it('an assignment is still undone, and undoing moves the version on again', async () => {
    const opened = (await letterVersion()).version
    await value(sam('organisations.assignLetters', { organisationId: other, letterIds: [letterId] }))
    await value(sam('history.undo', {}))
    expect(Number(await valueOf(core, 'SELECT organisation_id FROM letters WHERE id = ?', letterId))).toBe(homeOffice)
    expect((await letterVersion()).version).toBeGreaterThan(opened + 1)
  })
})
