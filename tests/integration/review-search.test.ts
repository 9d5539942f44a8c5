import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseSearchQuery } from '../../src/main/core/search/fts-query'
import { listSavedViews, removeSavedView, saveView } from '../../src/main/core/search/saved-views'
import { search } from '../../src/main/core/search/search-service'
import { setAssessment } from '../../src/main/core/cycles/assessment-service'
import { createLink } from '../../src/main/core/links/link-service'
import { addLetter, seedDemoRegister } from '../support/review-support'
import { createTestCore, type TestCore } from '../support/test-core'
import { valueOf } from '../support/raw-sql'

let core: TestCore
let ids: Record<string, number>
let cycles: { y2019: number; y2021: number }
let byNumber: (n: string) => number

beforeAll(async () => {
  core = await createTestCore()
  ;({ byNumber, cycles } = await seedDemoRegister(core))
  ids = {
    labour: await addLetter(core, { organisation: 'Labour Party', date: '2021-04-12', subject: 'Code of conduct', text: 'Dear Chair,\n\nOur code of conduct prohibits intimidation and harassment of opponents. Members who breach it face expulsion.\n\nYours sincerely' }),
    tories: await addLetter(core, { organisation: 'Conservative Party', date: '2019-09-09', subject: 'Party discipline', text: 'Dear Chair,\n\nThe Party suspended members for intimidatory conduct. Our code applies online.\n\nYours sincerely', format: 'docx' }),
    ipso: await addLetter(core, { organisation: 'Independent Press Standards Organisation', date: '2021-03-04', subject: "Editors' Code", text: 'Dear Chair,\n\nThe Editors’ Code covers harassment. Publishers are responsible for freelance content.\n\nYours sincerely' }),
    twitter: await addLetter(core, { organisation: 'Twitter', date: '2020-11-01', subject: 'Transparency', text: 'Dear Chair,\n\nWe publish UK data on reports of abuse and takedowns. Intimidação is not tolerated.\n\nYours sincerely' }),
  }
  await createLink(core.ctx, { letterId: ids.labour!, recommendationId: byNumber('12'), quote: 'Our code of conduct prohibits intimidation and harassment of opponents.' })
  await setAssessment(core.ctx, { recommendationId: byNumber('12'), cycleId: cycles.y2021, status: 'Implemented', narrative: 'Every party now has a code of conduct that *prohibits* intimidation.' })
  await setAssessment(core.ctx, { recommendationId: byNumber('25'), cycleId: cycles.y2021, status: 'In progress', narrative: 'IPSO has reviewed the Editors’ Code.' })
})
afterAll(() => core.dispose())

const find = (query: string, more: Parameters<typeof search>[1] extends infer T ? Partial<T> : never = {}) => search(core.ctx, { query, ...more })

describe('one search over letters, passages, recommendations and narratives', () => {
  it('finds each kind, with snippets as data marking the hits', async () => {
    const result = await find('intimidation')
    expect(result.counts).toEqual({ letter: 1, passage: 1, recommendation: expect.any(Number), narrative: 1 })
    expect(result.counts.recommendation).toBeGreaterThan(3)
    const letter = result.items.find((i) => i.kind === 'letter')!
    expect(letter).toMatchObject({ id: ids.labour, letterId: ids.labour, organisation: 'Labour Party', group: 'Political parties', date: '2021-04-12', format: 'txt', title: 'Code of conduct' })
    expect(letter.snippet.filter((p) => p.hit).map((p) => p.text.toLowerCase())).toEqual(['intimidation'])
    expect(letter.snippet.map((p) => p.text).join('')).toContain('code of conduct prohibits intimidation and harassment')
    const passage = result.items.find((i) => i.kind === 'passage')!
    expect(passage).toMatchObject({ letterId: ids.labour, title: 'Code of conduct — linked to 12', start: expect.any(Number), end: expect.any(Number) })
    const narrative = result.items.find((i) => i.kind === 'narrative')!
    expect(narrative).toMatchObject({ recommendationId: byNumber('12'), cycleId: cycles.y2021, status: 'Implemented', title: '2021 progress review: recommendation 12' })
    expect(result.items.find((i) => i.kind === 'recommendation')).toMatchObject({ recommendationId: expect.any(Number), status: expect.any(String) })
  })

  it('understands phrases, prefixes, OR and exclusion, ignoring accents', async () => {
    expect((await find('"code of conduct"', { filters: { kinds: ['letter'] } })).items.map((i) => i.id)).toEqual([ids.labour])
    expect((await find('"conduct of code"', { filters: { kinds: ['letter'] } })).total).toBe(0)
    expect((await find('intimidat*', { filters: { kinds: ['letter'] } })).items.map((i) => i.id).sort()).toEqual([ids.labour, ids.tories].sort())
    expect((await find('freelance OR takedowns', { filters: { kinds: ['letter'] } })).total).toBe(2)
    expect((await find('code -expulsion', { filters: { kinds: ['letter'] } })).items.map((i) => i.id).sort()).toEqual([ids.tories, ids.ipso].sort())
    expect((await find('intimidacao', { filters: { kinds: ['letter'] } })).items.map((i) => i.id)).toEqual([ids.twitter])
  })

  it('finds the same letters for a prefix spelt out as the index\'s words as FTS5\'s own prefix query does', async () => {
    // The engine's own prefix query (FTS5's `"x" *`, or PostgreSQL's `x:*`), ids in ascending order.
    const native = async (prefix: string) => (await core.database.fullText.newestLetterIds(core.database.db, `"${prefix}" *`, null, 1000)).reverse()
    const found = async (query: string) => (await find(query, { filters: { kinds: ['letter'] } })).items.map((i) => i.id).sort((a, b) => a - b)
    for (const prefix of ['intimid', 'co', 'har', 'publ', 'xyzzy', 'dea']) {
      expect(parseSearchQuery(`${prefix}*`).prefixWords).toEqual([prefix])
      expect(await found(`${prefix}*`), prefix).toEqual(await native(prefix))
    }
    // Folded like the index: an accented prefix finds the unaccented word.
    expect(await found('intimidaç*')).toEqual([ids.twitter])
    // Excluding by prefix, and a prefix in a phrase (left to FTS5).
    expect(await found('code -expul*')).toEqual([ids.tories!, ids.ipso!].sort((a, b) => a - b))
    expect(await found('"code of con"*')).toEqual([ids.labour])
  })

  it('spells a prefix out only into the words it is given, and leaves longer or phrase prefixes alone', () => {
    const words = new Map([['poli', ['police', 'policy']], ['abc', ['abcd']]])
    expect(parseSearchQuery('poli* reform', words).match).toBe('("police" OR "policy") AND "reform"')
    expect(parseSearchQuery('reform -abc*', words).match).toBe('("reform") NOT "abcd"')
    expect(parseSearchQuery('elect*', words).match).toBe('"elect" *')
    expect(parseSearchQuery('e-mail* "code of"*', words)).toMatchObject({ match: '"e-mail" * AND "code of" *', prefixWords: [] })
  })

  it('filters by organisation, group, dates, format, linked, cycle and status', async () => {
    const letters = async (filters: Parameters<typeof search>[1]['filters']) => (await find('', { filters })).items.map((i) => i.id).sort()
    const organisationId = Number((await valueOf(core, "SELECT id FROM organisations WHERE name = 'Twitter'")))
    expect(await letters({ organisationId })).toEqual([ids.twitter])
    expect(await letters({ group: 'Political parties' })).toEqual([ids.labour, ids.tories].sort())
    expect(await letters({ dateFrom: '2021-01-01', dateTo: '2021-03-31' })).toEqual([ids.ipso])
    expect(await letters({ format: 'docx' })).toEqual([ids.tories])
    expect(await letters({ linked: 'linked' })).toEqual([ids.labour])
    expect((await letters({ linked: 'unlinked' })).length).toBe(3)
    expect(await letters({ cycleId: cycles.y2019 })).toEqual([ids.tories])
    expect(await letters({ status: 'Implemented' })).toEqual([ids.labour])
    // Recommendations and narratives answer to the filters that make sense for them.
    const press = await find('code*', { filters: { group: 'Press regulators' } })
    expect(press.items.filter((i) => i.kind === 'recommendation').map((i) => i.title)).toEqual([expect.stringMatching(/^25 /)])
    expect(press.items.filter((i) => i.kind === 'narrative').map((i) => i.recommendationId)).toEqual([byNumber('25')])
    const inProgress = await find('code', { filters: { status: 'In progress' } })
    expect(inProgress.items.filter((i) => i.kind !== 'letter' && i.kind !== 'passage').map((i) => [i.kind, i.status])).toEqual(expect.arrayContaining([['narrative', 'In progress']]))
    expect((await find('code', { filters: { dateFrom: '2019-01-01' } })).counts).toMatchObject({ recommendation: 0, narrative: 0 })
  })

  it('sorts by date and pages, computing snippets for the page only', async () => {
    const all = await find('code OR intimidation OR harassment', { filters: { kinds: ['letter'] }, sort: 'date', pageSize: 2 })
    expect(all.total).toBe(3)
    expect(all.items.map((i) => i.date)).toEqual(['2021-04-12', '2021-03-04'])
    const second = await find('code OR intimidation OR harassment', { filters: { kinds: ['letter'] }, sort: 'date', pageSize: 2, page: 2 })
    expect(second.items.map((i) => i.date)).toEqual(['2019-09-09'])
    expect(second.items[0]!.snippet.some((p) => p.hit)).toBe(true)
    await expect(find('code', { page: 60, pageSize: 20 })).rejects.toThrow(/first 1,000 results/)
  })

  it('never fails on odd input: any string is a search, never an SQL error', async () => {
    for (const odd of ['"', '"unbalanced', 'NEAR(a b)', 'subject:code', 'a AND', 'OR', '-', '*', '^code', '(code', 'code)', "O'Brien", 'e-mail', '—', '""', '" "', 'NOT code', '-code', 'a:b:c', '{x}', '\u0000', '🙂']) {
      await expect(find(odd)).resolves.toMatchObject({ page: 1 })
    }
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40, unit: 'grapheme' }), async (query) => {
        const result = await find(query)
        expect(result.total).toBeGreaterThanOrEqual(0)
      }),
      { numRuns: 300 },
    )
  })

  it('explains a query with nothing to search for, and finds nothing for it unless filters choose letters', async () => {
    expect(parseSearchQuery('  ?? -- ** ')).toMatchObject({ match: null, nothingBecause: 'no-words' })
    expect(parseSearchQuery('-draft -press')).toMatchObject({ match: null, nothingBecause: 'only-excluded' })
    for (const query of ['*', '(', '??']) {
      const result = await find(query)
      expect(result).toMatchObject({ total: 0, items: [], counts: { letter: 0, passage: 0, recommendation: 0, narrative: 0 } })
      expect(result.notice).toBe(`“${query}” has no words to search for; type a word, a "phrase" or the start of a word followed by *.`)
    }
    const excluded = await find('-draft')
    expect(excluded).toMatchObject({ total: 0, items: [] })
    expect(excluded.notice).toBe('“-draft” only says which words to leave out; add a word to look for, such as “conduct -draft”.')
    // Which kinds to show does not choose letters; a date range does, and the count is the list's.
    expect(await find('*', { filters: { kinds: ['letter'] } })).toMatchObject({ total: 0, items: [] })
    const dated = await find('*', { filters: { dateFrom: '2021-01-01' } })
    expect(dated.notice).toBe('“*” has no words to search for; type a word, a "phrase" or the start of a word followed by *. Meanwhile the letters are listed by the filters alone.')
    expect(dated.items.map((item) => item.letterId).sort()).toEqual([ids.labour, ids.ipso].sort())
    expect(dated.total).toBe(dated.items.length)
  })
})

describe('saved views', () => {
  it('saves, replaces by name, lists and removes', async () => {
    const saved = await saveView(core.ctx, { name: 'Party codes', query: '"code of conduct"', filters: { group: 'Political parties' } })
    expect(saved).toMatchObject({ name: 'Party codes', query: '"code of conduct"', filters: { group: 'Political parties' }, sort: 'relevance' })
    const replaced = await saveView(core.ctx, { name: 'party codes', query: 'code', sort: 'date' })
    expect(replaced).toMatchObject({ id: saved.id, query: 'code', sort: 'date', filters: {} })
    expect((await listSavedViews(core.ctx)).map((v) => v.name)).toEqual(['party codes'])
    await removeSavedView(core.ctx, saved.id)
    expect(await listSavedViews(core.ctx)).toEqual([])
    await expect(removeSavedView(core.ctx, saved.id)).rejects.toThrow(/no saved search/)
  })
})
