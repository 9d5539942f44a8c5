// The bin and the search index on either engine (SQLite's FTS5 over live views, PostgreSQL's
// search tables kept by triggers): a binned letter and its passages are never found, and come
// back on restore. Runs as is on PostgreSQL (scripts/test-postgres.cjs), unlike letters-bin's
// row-level checks, which read SQLite directly.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { noHost } from '../../src/main/core/rpc/host'
import { createPassage } from '../../src/main/core/links/passage-service'
import { addLetter, seedDemoRegister } from '../support/review-support'
import { createTestCore, type TestCore } from '../support/test-core'

const TEXT = 'Labour Party\n\nWe have reviewed the zebrafinch procedure for complaints of quokkaharassment.'

let core: TestCore
let call: <T>(method: string, input: unknown) => Promise<T>
let letterId: number

const hits = async (query: string) => (await call<{ items: { letterId: number | null }[] }>('search.query', { query, pageSize: 50 })).items.filter((i) => i.letterId === letterId).length

beforeEach(async () => {
  core = await createTestCore()
  const { byNumber } = await seedDemoRegister(core)
  const dispatch = core.dispatcher(noHost)
  call = async <T>(method: string, input: unknown) => {
    const envelope = await dispatch(method as never, input as never)
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
    return envelope.value as T
  }
  letterId = await addLetter(core, { text: TEXT, organisation: 'Labour Party', date: '2021-04-12', subject: 'Complaints' })
  const start = TEXT.indexOf('quokkaharassment')
  await createPassage(core.ctx, { letterId, start, end: start + 'quokkaharassment'.length, recommendationIds: [byNumber('12')] })
})

afterEach(async () => {
  await core.dispose()
})

describe('the bin and the search index', () => {
  it('leaves a binned letter and its passages out of search and prefix words, and takes them back on restore', async () => {
    expect(await hits('zebrafinch')).toBe(1)
    expect(await hits('quokkaharassment')).toBeGreaterThanOrEqual(2) // the letter and its passage
    expect(await hits('zebrafin*')).toBe(1)

    await call('letters.delete', { id: letterId })
    expect(await hits('zebrafinch')).toBe(0)
    expect(await hits('quokkaharassment')).toBe(0)
    expect(await hits('zebrafin*')).toBe(0)
    expect(await call('app.check', {})).toMatchObject({ problems: [] })

    await call('letters.restore', { id: letterId })
    expect(await hits('zebrafinch')).toBe(1)
    expect(await hits('quokkaharassment')).toBeGreaterThanOrEqual(2)
    expect(await hits('zebrafin*')).toBe(1)
  })
})
