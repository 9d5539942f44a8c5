// Cancelling an import, and letters announced as they land: a cancelled import stores no further
// file (each file is stored whole or not at all) and says which files were not imported; the
// groups stored before the cancel stay and were announced while the call still ran.
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ChangedEvent } from '../../src/shared/api/events'
import type { ImportOutcome } from '../../src/shared/domain/dto'
import { importFiles } from '../../src/main/core/letters/import-service'
import type { Extractor } from '../../src/main/core/letters/worker/extractor'
import { noHost } from '../../src/main/core/rpc/host'
import { countOf } from '../support/raw-sql'
import { createTestCore, textFile, type TestCore } from '../support/test-core'

let core: TestCore
/** Every `changed` event the core has sent since the test began. */
const heard: ChangedEvent[] = []
beforeEach(async () => {
  heard.length = 0
  core = await createTestCore()
  core.events.subscribe('changed', (event) => void heard.push(event))
})
afterEach(() => core.dispose())

/** Distinct short letters, so that none is a duplicate or near-duplicate of another. */
const subjects = ['harassment', 'candidates', 'platforms', 'policing', 'guidance', 'training', 'elections', 'codes', 'funding', 'reporting', 'data', 'abuse']
const letterText = (n: number) => `Electoral Commission\n\n${n + 1} March 2022\n\nDear Chair,\n\nRe: Note ${n} on ${subjects[n % subjects.length]}\n\nNote ${n}: ${subjects.slice(0, n + 1).join(' ')} ${'word'.repeat(n + 1)}.\n\nYours sincerely,\nSam Example`
const files = (count: number) => Array.from({ length: count }, (_, n) => textFile(`note-${n}.txt`, letterText(n)))
const asBase64 = (list: { name: string; bytes: Uint8Array }[]) => list.map((file) => ({ name: file.name, dataBase64: Buffer.from(file.bytes).toString('base64') }))

/** The core's reader, held back for the files `held` names until `release()` is called. */
function gateReads(held: (fileName: string) => boolean) {
  const real = core.ctx.extractor!
  let release!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  const waiting: string[] = []
  const gated: Extractor = {
    kind: real.kind,
    async read(job, timeLimitMs) {
      if (held(job.fileName)) {
        waiting.push(job.fileName)
        await gate
      }
      return real.read(job, timeLimitMs)
    },
    close: () => real.close(),
  }
  core.ctx.extractor = gated
  return { release, waiting }
}

/** Nothing half-stored: every letter has its original, fingerprint and audit row, and no more. */
async function expectWholeLetters(letters: number) {
  expect(await countOf(core, 'letters')).toBe(letters)
  expect(await countOf(core, 'originals')).toBe(letters)
  expect(await countOf(core, 'letter_fingerprints')).toBe(letters)
  expect(await countOf(core, 'audit_log')).toBe(letters)
}

const statuses = (outcomes: ImportOutcome[]) => outcomes.map((outcome) => outcome.status)

describe('cancelling an import', () => {
  it('abandons every file when the cancel comes before any is stored', async () => {
    const { release, waiting } = gateReads(() => true)
    const dispatch = core.dispatcher(noHost)
    const importId = randomUUID()
    const importing = dispatch('letters.import', { importId, files: asBase64(files(4)) })
    await vi.waitFor(() => expect(waiting.length).toBeGreaterThan(0), { timeout: 30_000 })
    expect(await dispatch('letters.cancelImport', { importId })).toEqual({ ok: true, value: { cancelled: true } })
    release()
    const result = await importing
    expect(result.ok).toBe(true)
    const outcomes = (result as { value: ImportOutcome[] }).value
    expect(outcomes.map((outcome) => [outcome.file, outcome.status])).toEqual(files(4).map((file) => [file.name, 'cancelled']))
    await expectWholeLetters(0)
    expect(heard).toEqual([])
  })

  it('keeps and announces the groups stored before the cancel, and stores none after it', async () => {
    // Twelve files are two groups: the first eight are stored while the last four wait to be read.
    const { release } = gateReads((name) => Number(/note-(\d+)/.exec(name)![1]) >= 8)
    const dispatch = core.dispatcher(noHost)
    const importId = randomUUID()
    let settled = false
    const importing = dispatch('letters.import', { importId, files: asBase64(files(12)) }).finally(() => (settled = true))

    // The first group is announced while the call is still running.
    await vi.waitFor(() => expect(heard).toHaveLength(1), { timeout: 30_000 })
    expect(settled).toBe(false)
    expect(heard[0]!.kinds).toContain('letter')
    expect(heard[0]!.ids.letter).toHaveLength(8)
    expect(((await dispatch('letters.list', {})) as { value: { rows: unknown[] } }).value.rows).toHaveLength(8)

    await dispatch('letters.cancelImport', { importId })
    release()
    const outcomes = ((await importing) as { value: ImportOutcome[] }).value
    expect(statuses(outcomes)).toEqual([...Array<string>(8).fill('imported'), ...Array<string>(4).fill('cancelled')])
    await expectWholeLetters(8)
    // Nothing more was stored, so nothing more was announced.
    expect(heard).toHaveLength(1)
  })

  it('finishes the file being stored and stores none after it, within one group', async () => {
    // The cancel is noticed partway through storing a group of five (asked before each step).
    let asked = 0
    const outcomes = await importFiles(core.ctx, files(5), 'app', { cancelled: () => ++asked > 8 })
    const imported = outcomes.filter((outcome) => outcome.status === 'imported').length
    expect(imported).toBeGreaterThan(0)
    expect(imported).toBeLessThan(5)
    // The files stored come first; every one after the cancel was left out.
    expect(statuses(outcomes)).toEqual([...Array<string>(imported).fill('imported'), ...Array<string>(5 - imported).fill('cancelled')])
    await expectWholeLetters(imported)
  })

  it('cancels an import whose cancel arrived before it did, and leaves imports without an id alone', async () => {
    const dispatch = core.dispatcher(noHost)
    const importId = randomUUID()
    await dispatch('letters.cancelImport', { importId })
    const cancelled = (await dispatch('letters.import', { importId, files: asBase64(files(2)) })) as { value: ImportOutcome[] }
    expect(statuses(cancelled.value)).toEqual(['cancelled', 'cancelled'])
    const other = (await dispatch('letters.import', { files: asBase64(files(2)) })) as { value: ImportOutcome[] }
    expect(statuses(other.value)).toEqual(['imported', 'imported'])
    await expectWholeLetters(2)
  })

  it('announces the demonstration data once, when all of it is there', async () => {
    const started = await core.dispatcher(noHost)('app.chooseStart', { choice: 'demo' })
    expect(started.ok).toBe(true)
    expect(heard).toHaveLength(1)
    expect(heard[0]!.ids.letter!.length).toBe(await countOf(core, 'letters'))
  }, 180_000)

  it('refuses an import id that is not one crypto.randomUUID() makes', async () => {
    const result = await core.dispatcher(noHost)('letters.cancelImport', { importId: '../x' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})
