// letters.list a page at a time: every filter applied by the core, the total of letters passing
// them, and a cursor that neither repeats nor skips rows when letters are added or deleted while
// someone pages through. Runs on SQLite and on PostgreSQL (scripts/test-postgres.cjs).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Envelope } from '../../src/shared/api/errors'
import type { LetterPage } from '../../src/shared/domain/dto'
import { createPassage } from '../../src/main/core/links/passage-service'
import { noHost } from '../../src/main/core/rpc/host'
import { addLetter, seedDemoRegister, type LetterSeed } from '../support/review-support'
import { createTestCore, type TestCore } from '../support/test-core'

let core: TestCore
let raw: (method: string, input: unknown) => Promise<Envelope<unknown>>
let byNumber: (n: string) => number
let cycles: { y2019: number; y2021: number }
/** The seeded letters by name. */
const ids: Record<string, number> = {}

async function call<T>(method: string, input: unknown): Promise<T> {
  const envelope = await raw(method, input)
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
  return envelope.value as T
}

const list = (input: Record<string, unknown> = {}) => call<LetterPage>('letters.list', input)

/** The ids of every letter passing the filters, the pages followed by cursor; and the totals the pages gave. */
async function everyId(input: Record<string, unknown>, limit = 2): Promise<{ ids: number[]; totals: number[] }> {
  const seen: number[] = []
  const totals: number[] = []
  let cursor: string | null = null
  do {
    const page: LetterPage = await list({ ...input, limit, ...(cursor === null ? {} : { cursor }) })
    expect(page.rows.length).toBeLessThanOrEqual(limit)
    seen.push(...page.rows.map((row) => row.id))
    totals.push(page.total)
    cursor = page.nextCursor
  } while (cursor !== null)
  return { ids: seen, totals }
}

const LETTERS: Record<string, LetterSeed> = {
  labourNew: { text: 'Labour Party\n\nOur code of conduct now covers intimidation.', organisation: 'Labour Party', date: '2021-04-12', subject: 'Code of conduct', format: 'docx' },
  labourOld: { text: 'Labour Party\n\nAn early reply.', organisation: 'Labour Party', date: '2019-05-02', subject: 'First reply' },
  tories: { text: 'Conservative Party\n\nWe keep our code under review.', organisation: 'Conservative Party', date: '2021-03-01', subject: 'Review of the code', format: 'pdf' },
  // The same date as labourNew: the id decides the order within a day.
  cabinet: { text: 'Cabinet Office\n\nGuidance for candidates.', organisation: 'Cabinet Office', date: '2021-04-12', subject: 'Guidance' },
  outgoing: { text: 'Committee\n\nWe write to ask about progress.', organisation: 'Home Office', date: '2020-11-20', subject: 'Request for an update', direction: 'outgoing' },
  undated: { text: 'Someone\n\nA note without a date.', organisation: null, date: null, subject: 'Undated note 100%_sure' },
  undated2: { text: 'Someone else\n\nAnother note without a date.', organisation: null, date: null, subject: null },
}

beforeEach(async () => {
  core = await createTestCore()
  ;({ byNumber, cycles } = await seedDemoRegister(core))
  const dispatch = core.dispatcher(noHost)
  raw = (method, input) => dispatch(method as never, input as never) as Promise<Envelope<unknown>>
  for (const [name, seed] of Object.entries(LETTERS)) ids[name] = await addLetter(core, seed)
  const text = LETTERS.labourNew!.text
  const quote = 'Our code of conduct now covers intimidation.'
  await createPassage(core.ctx, { letterId: ids.labourNew!, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, recommendationIds: [byNumber('12b')] })
})

afterEach(async () => {
  await core.close()
})

/** The newest first, undated last, then the highest id first. */
const ORDER = () => [ids.cabinet!, ids.labourNew!, ids.tories!, ids.outgoing!, ids.labourOld!, ids.undated2!, ids.undated!]

describe('letters.list, a page at a time', () => {
  it('lists every letter newest first, undated last, with the total and the linked recommendations', async () => {
    const page = await list()
    expect(page.rows.map((r) => r.id)).toEqual(ORDER())
    expect(page.total).toBe(7)
    expect(page.nextCursor).toBeNull()
    expect(page.rows.find((r) => r.id === ids.labourNew)).toMatchObject({ organisation: 'Labour Party', group: 'Political parties', format: 'docx', linkedRecommendations: ['12b'] })
    expect(await everyId({})).toEqual({ ids: ORDER(), totals: [7, 7, 7, 7] })
  })

  it('applies every filter in the core, and counts what passes', async () => {
    const cases: [Record<string, unknown>, number[]][] = [
      [{ organisationId: await organisationId('Labour Party') }, [ids.labourNew!, ids.labourOld!]],
      [{ group: 'Political parties' }, [ids.labourNew!, ids.tories!, ids.labourOld!]],
      [{ group: 'No such group' }, []],
      [{ cycleId: cycles.y2021 }, [ids.cabinet!, ids.labourNew!, ids.tories!, ids.outgoing!]],
      [{ cycleId: cycles.y2019 }, [ids.labourOld!]],
      [{ format: 'pdf' }, [ids.tories!]],
      [{ dateFrom: '2021-03-01' }, [ids.cabinet!, ids.labourNew!, ids.tories!]],
      [{ dateTo: '2021-03-01' }, [ids.tories!, ids.outgoing!, ids.labourOld!]],
      [{ dateFrom: '2020-01-01', dateTo: '2021-04-11' }, [ids.tories!, ids.outgoing!]],
      [{ linked: 'linked' }, [ids.labourNew!]],
      [{ linked: 'unlinked' }, ORDER().filter((id) => id !== ids.labourNew)],
      [{ linked: 'all' }, ORDER()],
      [{ direction: 'outgoing' }, [ids.outgoing!]],
      [{ direction: 'incoming' }, ORDER().filter((id) => id !== ids.outgoing)],
      // Words: each must appear, in any case, in the sender, subject, file name or a linked number.
      [{ words: 'CODE' }, [ids.labourNew!, ids.tories!]],
      [{ words: 'labour code' }, [ids.labourNew!]],
      [{ words: 'party' }, [ids.labourNew!, ids.tories!, ids.labourOld!]],
      [{ words: '12b' }, [ids.labourNew!]],
      [{ words: `letter-` }, ORDER()],
      // % and _ are letters to look for, not patterns.
      [{ words: '100%_' }, [ids.undated!]],
      [{ words: '%' }, [ids.undated!]],
      [{ words: 'code', linked: 'unlinked', format: 'pdf', dateFrom: '2021-01-01' }, [ids.tories!]],
    ]
    for (const [filters, expected] of cases) {
      const page = await list(filters)
      expect({ filters, ids: page.rows.map((r) => r.id), total: page.total }).toEqual({ filters, ids: expected, total: expected.length })
      expect({ filters, ...(await everyId(filters, 1)) }).toEqual({ filters, ids: expected, totals: expected.length === 0 ? [0] : expected.map(() => expected.length) })
    }
  })

  it('lists the bin instead of the other letters when asked, and nowhere else', async () => {
    await call('letters.delete', { id: ids.tories })
    expect((await list({ bin: true })).rows.map((r) => r.id)).toEqual([ids.tories])
    expect((await list({ bin: true })).rows[0]!.deletedAt).not.toBeNull()
    expect(await list()).toMatchObject({ total: 6 })
    expect((await list()).rows.map((r) => r.id)).not.toContain(ids.tories)
    expect(await list({ bin: true, words: 'labour' })).toMatchObject({ rows: [], total: 0 })
  })

  it('keeps its place by key when letters are added and deleted between pages', async () => {
    const first = await list({ limit: 3 })
    expect(first.rows.map((r) => r.id)).toEqual(ORDER().slice(0, 3))
    // Added before the place reached (newer), and after it; deleted before it, and after it.
    const newer = await addLetter(core, { text: 'Cabinet Office\n\nA newer letter.', organisation: 'Cabinet Office', date: '2022-01-01', subject: 'Newer' })
    const older = await addLetter(core, { text: 'Home Office\n\nAn older letter.', organisation: 'Home Office', date: '2020-01-01', subject: 'Older' })
    const sameDay = await addLetter(core, { text: 'Green Party\n\nSame day as the last row read.', organisation: 'Green Party', date: '2021-03-01', subject: 'Same day' })
    await call('letters.delete', { id: ids.cabinet })
    await call('letters.delete', { id: ids.labourOld })
    const rest: number[] = []
    let cursor = first.nextCursor
    while (cursor !== null) {
      const page: LetterPage = await list({ limit: 3, cursor })
      expect(page.total).toBe(8)
      rest.push(...page.rows.map((r) => r.id))
      cursor = page.nextCursor
    }
    // A letter of the same day as the last row read comes before it when its id is higher, so it is not repeated or shown now.
    expect(sameDay).toBeGreaterThan(ids.tories!)
    expect(rest).toEqual([ids.outgoing, older, ids.undated2, ids.undated])
    expect(rest).not.toContain(newer)
    expect((await everyId({})).ids).toEqual([newer, ids.labourNew, sameDay, ids.tories, ids.outgoing, older, ids.undated2, ids.undated])
  })

  it('continues within the undated letters by id, and jumps to a position by offset', async () => {
    const throughDated = await list({ limit: 6 })
    expect(throughDated.rows.at(-1)!.id).toBe(ids.undated2)
    const undated = await list({ cursor: throughDated.nextCursor })
    expect(undated.rows.map((r) => r.id)).toEqual([ids.undated])
    expect(undated.nextCursor).toBeNull()
    expect((await list({ offset: 5, limit: 10 })).rows.map((r) => r.id)).toEqual(ORDER().slice(5))
    expect((await list({ offset: 2, limit: 2 })).rows.map((r) => r.id)).toEqual(ORDER().slice(2, 4))
    expect(await list({ offset: 50 })).toMatchObject({ rows: [], total: 7, nextCursor: null })
  })

  it('refuses a cursor it did not give, a cursor with an offset, and pages too large', async () => {
    const page = await list({ limit: 1 })
    for (const input of [{ cursor: 'not a cursor' }, { cursor: Buffer.from('["2021-01-01",-3]').toString('base64url') }, { cursor: page.nextCursor, offset: 3 }, { limit: 501 }, { limit: 0 }]) {
      const answer = await raw('letters.list', input)
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    expect(await raw('letters.list', { cycleId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await raw('letters.list', { status: 'Implemented' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})

async function organisationId(name: string): Promise<number> {
  const organisations = await call<{ id: number; name: string }[]>('organisations.list', {})
  return organisations.find((o) => o.name === name)!.id
}
