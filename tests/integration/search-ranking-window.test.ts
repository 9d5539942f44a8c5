// Relevance among very many matches: the letters' ranking reads the newest matches in the index's
// own order and ranks only those (the ranking window), and the merged page is ordered by the full
// scores — a word in most letters has a tiny bm25 weight, which must still order the page.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { filterContext, search } from '../../src/main/core/search/search-service'
import { fullTextOf } from '../../src/main/core/search/full-text-of'
import { letterIdFilter } from '../../src/main/core/search/search-filters-repository'
import { parseSearchQuery } from '../../src/main/core/search/fts-query'
import { addLetter, seedDemoRegister } from '../support/review-support'
import { valueOf } from '../support/raw-sql'
import { createTestCore, type TestCore } from '../support/test-core'

let core: TestCore
const FILLER = 'about the committee and its report on standards in public life'
/** Letters mentioning "ballot" 1 to 24 times in bodies of the same length, dated in the opposite order. */
const LETTERS = 24

beforeAll(async () => {
  core = await createTestCore()
  await seedDemoRegister(core)
  for (let n = 1; n <= LETTERS; n++) {
    const words = Array.from({ length: 30 }, (_, i) => (i < n ? 'ballot' : (FILLER.split(' ')[i % 11] ?? 'life')))
    await addLetter(core, { organisation: n % 2 === 0 ? 'Labour Party' : 'Home Office', date: `2021-01-${String(32 - n).padStart(2, '0')}`, subject: `Letter ${n}`, text: `Dear Chair,\n\n${words.join(' ')}.\n\nYours sincerely` })
  }
})
afterAll(() => core.dispose())

const match = parseSearchQuery('ballot').match!

it('ranks the newest N matches exactly as ranking every match and keeping those N would', async () => {
  const fullText = fullTextOf(core.ctx)
  const every = await fullText.rankLetters(core.ctx.db, match, null, 1_000, 1_000)
  expect(every).toHaveLength(LETTERS)
  const newest = new Set([...every.map((r) => r.id)].sort((a, b) => b - a).slice(0, 10))
  const expected = every.filter((r) => newest.has(r.id)).slice(0, 5)
  expect(await fullText.rankLetters(core.ctx.db, match, null, 10, 5)).toEqual(expected)
})

it('applies the filters before the window: the newest N of the letters that pass them', async () => {
  const fullText = fullTextOf(core.ctx)
  const labour = await valueOf<number>(core, `SELECT id FROM organisations WHERE name = 'Labour Party'`)
  const filter = letterIdFilter(core.ctx.db, await filterContext(core.ctx.db, { organisationId: labour! }))
  expect(filter).not.toBeNull()
  const passing = await fullText.newestLetterIds(core.ctx.db, match, filter, 1_000)
  expect(passing).toHaveLength(LETTERS / 2)
  const window = new Set(passing.slice(0, 5))
  const every = await fullText.rankLetters(core.ctx.db, match, filter, 1_000, 1_000)
  expect(await fullText.rankLetters(core.ctx.db, match, filter, 5, 3)).toEqual(every.filter((r) => window.has(r.id)).slice(0, 3))
})

it('orders a word found in most letters by its scores, not by date', async () => {
  const result = await search(core.ctx, { query: 'ballot', pageSize: 5, filters: { kinds: ['letter'] } })
  const letters = result.items
  // The letter with the word 24 times is the oldest; date order would put it last.
  expect(letters.map((l) => l.title)).toEqual(['Letter 24', 'Letter 23', 'Letter 22', 'Letter 21', 'Letter 20'])
  expect(letters.every((l) => l.score > 0)).toBe(true)
})
