import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expandPrefixes, MAX_PREFIX_WORDS } from '../../src/main/core/search/prefix-expansion'
import { search } from '../../src/main/core/search/search-service'
import { addLetter, seedDemoRegister } from '../support/review-support'
import { createTestCore, type TestCore } from '../support/test-core'

let core: TestCore
let many: number
beforeAll(async () => {
  core = await createTestCore()
  await seedDemoRegister(core)
  // One letter with more words starting "zq" than a prefix is ever spelt out into.
  const words = Array.from({ length: MAX_PREFIX_WORDS + 2 }, (_, i) => `zq${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}`)
  many = await addLetter(core, { organisation: 'Labour Party', date: '2021-04-12', subject: 'Many words', text: `Dear Chair,\n\n${words.join(' ')} policing policy.\n\nYours sincerely` })
  await addLetter(core, { organisation: 'Twitter', date: '2021-05-01', subject: 'Other', text: 'Dear Chair,\n\nA letter about politics.\n\nYours sincerely' })
})
afterAll(() => core.dispose())

describe('prefixes spelt out as the words of the letters index', () => {
  it('lists the words that start with a prefix, in the index\'s order', async () => {
    const expansions = await expandPrefixes(core.ctx, ['poli', 'nothinglikethis'])
    expect(expansions.get('poli')).toEqual(['policing', 'policy', 'politics'])
    expect(expansions.get('nothinglikethis')).toEqual([])
  })

  it('leaves a prefix with too many words to FTS5, and still finds its letters', async () => {
    const expansions = await expandPrefixes(core.ctx, ['zq'])
    expect(expansions.has('zq')).toBe(false)
    expect((await search(core.ctx, { query: 'zq*', filters: { kinds: ['letter'] } })).items.map((i) => i.id)).toEqual([many])
  })
})
