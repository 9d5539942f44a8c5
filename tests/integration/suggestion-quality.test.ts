// Quality, not time: on letters written for the purpose (tests/fixtures/suggestion-letters.ts), a
// right recommendation must be in the top three for at least 90 % of letters and first for at
// least 75 %. The figures are printed so they can be reported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { suggestForLetter } from '../../src/main/core/suggestions/suggestion-service'
import { SUGGESTION_FIXTURES } from '../fixtures/suggestion-letters'
import { addLetter, seedDemoRegister } from '../support/review-support'
import { createTestCore, type TestCore } from '../support/test-core'

let core: TestCore
beforeAll(async () => {
  core = await createTestCore()
  await seedDemoRegister(core)
})
afterAll(() => core.dispose())

describe('suggestion quality on the written test letters', () => {
  it('puts a right recommendation first for ≥ 75 % and in the top three for ≥ 90 %', async () => {
    expect(SUGGESTION_FIXTURES.length).toBeGreaterThanOrEqual(30)
    let first = 0
    let topThree = 0
    const misses: string[] = []
    for (const fixture of SUGGESTION_FIXTURES) {
      const letterId = await addLetter(core, { text: fixture.text, organisation: fixture.from, date: fixture.date })
      const suggestions = await suggestForLetter(core.ctx, letterId, 3)
      const numbers = suggestions.map((s) => s.recommendationNumber)
      if (fixture.expected.includes(numbers[0] ?? '')) first++
      if (numbers.some((n) => fixture.expected.includes(n))) topThree++
      else misses.push(`${fixture.name}: expected ${fixture.expected.join(' or ')}, got ${numbers.join(', ') || 'nothing'}`)
      if (!fixture.expected.includes(numbers[0] ?? '')) misses.push(`  (not first) ${fixture.name}: expected ${fixture.expected.join(' or ')}, got ${numbers.join(', ')}`)
    }
    const n = SUGGESTION_FIXTURES.length
    const firstRate = first / n
    const topThreeRate = topThree / n
    console.log(`Suggestion quality on ${n} letters: first ${first}/${n} (${(firstRate * 100).toFixed(1)} %), top three ${topThree}/${n} (${(topThreeRate * 100).toFixed(1)} %)`)
    if (misses.length > 0) console.log(misses.join('\n'))
    expect(topThreeRate).toBeGreaterThanOrEqual(0.9)
    expect(firstRate).toBeGreaterThanOrEqual(0.75)
  })
})
