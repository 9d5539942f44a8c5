// The contract methods the CLI goes through (any transport may): groups of an import stored in the
// order sent, files as bytes or base64, a copy of the database and a letter's original saved only
// where the transport's host says, the archive check, a cycle by name.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportOutcome } from '../../src/shared/domain/dto'
import type { Envelope } from '../../src/shared/api/errors'
import { noHost, type Host } from '../../src/main/core/rpc/host'
import { testEngine } from '../support/postgres-databases'
import { runSql } from '../support/raw-sql'
import { createTestCore, type TestCore } from '../support/test-core'

let core: TestCore
beforeEach(async () => {
  core = await createTestCore()
})
afterEach(() => core.dispose())

const bytes = (text: string) => new TextEncoder().encode(text)
const value = <T>(envelope: Envelope<unknown>): T => {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
  return envelope.value as T
}
const hostSaving = (answers: { savePath?: string; folder?: string }): Host => ({
  chooseSavePath: async () => answers.savePath ?? null,
  ...(answers.folder ? { chooseFolder: async () => answers.folder! } : {}),
})

function letterText(seed: number, words = 400): string {
  const vocabulary = 'candidate intimidation abuse online election police guidance platform regulator code conduct report party member campaign safety harassment threat'.split(' ')
  return Array.from({ length: words }, (_, i) => vocabulary[(i * 7 + seed * 13 + ((i * i) % 11)) % vocabulary.length]).join(' ')
}

describe('letters.importGroup', () => {
  it('stores groups sent without waiting in the order sent, each checked against every letter before it', async () => {
    const dispatch = core.dispatcher(noHost)
    const original = `Home Office\n1 March 2021\n${letterText(1)}`
    // The first group is eight long letters (slow to read); the second one short file, a
    // near-duplicate of the first group's last letter, ready long before the first is stored.
    const first = Array.from({ length: 8 }, (_, i) => ({ name: `a${i}.txt`, bytes: bytes(i === 7 ? original : `Home Office\n${i + 2} March 2021\n${letterText(100 + i, 6000)}`) }))
    const second = [{ name: 'b.txt', bytes: bytes(original.replace('candidate', 'candidates')) }]
    const [a, b] = await Promise.all([dispatch('letters.importGroup', { files: first }), dispatch('letters.importGroup', { files: second })])
    const firstOutcomes = value<ImportOutcome[]>(a)
    const [near] = value<ImportOutcome[]>(b)
    const ids = firstOutcomes.map((o) => (o.status === 'imported' ? o.letterId : -1))
    expect(near).toMatchObject({ status: 'imported', nearDuplicateOf: ids[7] })
    expect(near!.status === 'imported' && near!.letterId).toBeGreaterThan(Math.max(...ids))
  })

  it('takes a file as its bytes or as base64, alike', async () => {
    const dispatch = core.dispatcher(noHost)
    const text = 'Home Office\n4 March 2021\nRe: Code\nText.'
    const asBytes = value<ImportOutcome[]>(await dispatch('letters.import', { files: [{ name: 'x.txt', bytes: bytes(text) }] }))
    const asBase64 = value<ImportOutcome[]>(await dispatch('letters.import', { files: [{ name: 'y.txt', dataBase64: Buffer.from(text).toString('base64') }] }))
    expect(asBytes[0]).toMatchObject({ status: 'imported', date: '2021-03-04', subject: 'Code' })
    expect(asBase64[0]).toMatchObject({ status: 'duplicate', letterId: asBytes[0]!.status === 'imported' ? asBytes[0]!.letterId : 0 })
    expect(await dispatch('letters.import', { files: [{ name: 'z.txt', bytes: 'not bytes' }] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})

/** The first bytes of each engine's copy: a SQLite database file, or pg_dump's custom-format archive (db/postgres/dump.ts). */
const COPY_HEADER = { sqlite: 'SQLite format 3\0', postgres: 'PGDMP' }

describe('backup.copy', () => {
  async function copyOfOneLetter(): Promise<string> {
    value(await core.dispatcher(noHost)('letters.import', { files: [{ name: 'x.txt', bytes: bytes('Home Office\nA letter.') }] }))
    const target = join(core.dir, 'copy.sqlite')
    expect(value(await core.dispatcher(hostSaving({ savePath: target }))('backup.copy', {}))).toEqual({ saved: true, path: target })
    return target
  }

  it('writes the engine’s copy where the host says, and nothing when it says nowhere', async () => {
    expect(value(await core.dispatcher(noHost)('backup.copy', {}))).toEqual({ saved: false, path: null })
    const header = COPY_HEADER[testEngine()]
    expect(readFileSync(await copyOfOneLetter()).subarray(0, header.length).toString('latin1')).toBe(header)
  })

  it.skipIf(testEngine() === 'postgres')('writes a copy that opens as a database holding the letters (SQLite file only: a team database’s copy is a pg_dump archive)', async () => {
    const copy = new BetterSqlite3(await copyOfOneLetter(), { readonly: true })
    expect(copy.prepare('SELECT count(*) FROM letters').pluck().get()).toBe(1)
    copy.close()
  })

  it('never writes over a file, and leaves nothing behind when it cannot write', async () => {
    const taken = join(core.dir, 'taken.sqlite')
    writeFileSync(taken, 'mine')
    expect(await core.dispatcher(hostSaving({ savePath: taken }))('backup.copy', {})).toEqual({ ok: false, error: { code: 'conflict', message: `${taken} already exists; choose a new file name for the backup.` } })
    expect(readFileSync(taken, 'utf8')).toBe('mine')
    const nowhere = join(core.dir, 'no-such-folder', 'copy.sqlite')
    expect(await core.dispatcher(hostSaving({ savePath: nowhere }))('backup.copy', {})).toMatchObject({ ok: false, error: { code: 'file_error' } })
    expect(readdirSync(core.dir).filter((name) => name.includes('partial'))).toEqual([])
  })
})

describe('letters.saveOriginal', () => {
  it('saves into the folder the host chooses, and nowhere when the host cannot choose one', async () => {
    const [imported] = value<ImportOutcome[]>(await core.dispatcher(noHost)('letters.import', { files: [{ name: 'x.txt', bytes: bytes('Home Office\nA letter.') }] }))
    const id = imported!.status === 'imported' ? imported!.letterId : 0
    expect(value(await core.dispatcher(noHost)('letters.saveOriginal', { id }))).toEqual({ saved: false, path: null })
    const folder = join(core.dir, 'out')
    mkdirSync(folder)
    const saved = value<{ saved: boolean; path: string }>(await core.dispatcher(hostSaving({ folder }))('letters.saveOriginal', { id }))
    expect(saved).toEqual({ saved: true, path: join(folder, 'x.txt') })
    expect(readFileSync(saved.path, 'utf8')).toBe('Home Office\nA letter.')
    expect(await core.dispatcher(hostSaving({ folder }))('letters.saveOriginal', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(readdirSync(folder)).toEqual(['x.txt'])
  })
})

describe('app.check and cycles.find', () => {
  it('lists no problems for a sound archive and one for an altered original', async () => {
    const dispatch = core.dispatcher(noHost)
    value(await dispatch('letters.import', { files: [{ name: 'x.txt', bytes: bytes('Home Office\nA letter.') }] }))
    expect(value(await dispatch('app.check', {}))).toEqual({ problems: [] })
    await runSql(core, 'UPDATE originals SET bytes = ?', Buffer.from([0]))
    expect(value<{ problems: string[] }>(await dispatch('app.check', {})).problems).toEqual([expect.stringMatching(/has changed since it was imported/)])
  })

  it('finds a cycle by name in any case, and says when there is none', async () => {
    const dispatch = core.dispatcher(noHost)
    const created = value<{ id: number }>(await dispatch('cycles.create', { name: '2021 progress review', startsOn: null, endsOn: null }))
    expect(value(await dispatch('cycles.find', { name: ' 2021 PROGRESS review ' }))).toMatchObject({ id: created.id, name: '2021 progress review' })
    expect(await dispatch('cycles.find', { name: 'Nope' })).toEqual({ ok: false, error: { code: 'not_found', message: 'There is no reporting cycle called “Nope”.' } })
    expect(existsSync(join(core.dir, 'Nope'))).toBe(false)
  })
})
