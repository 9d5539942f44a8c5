import { describe, expect, it } from 'vitest'
import { anchorPassage, contextOf, fuzzyFind } from '../../../src/main/core/links/anchor'

function stored(text: string, quote: string, occurrence = 0) {
  let start = -1
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1)
  return { start, end: start + quote.length, quote, ...contextOf(text, start, start + quote.length) }
}

const ORIGINAL = 'Dear Chair,\n\nWe will publish a new code in July 2022. The code will cover online conduct.\n\nYours sincerely'

describe('re-anchoring a passage when the text changes', () => {
  it('keeps a passage whose offsets still hold its quote', () => {
    const s = stored(ORIGINAL, 'We will publish a new code in July 2022.')
    expect(anchorPassage(ORIGINAL, s)).toEqual({ start: s.start, end: s.end, quote: s.quote, state: 'exact' })
  })

  it('finds the same words elsewhere when text was added before them', () => {
    const s = stored(ORIGINAL, 'The code will cover online conduct.')
    const changed = `PRIVATE AND CONFIDENTIAL\n\n${ORIGINAL}`
    const result = anchorPassage(changed, s)
    expect(result.state).toBe('moved')
    expect(changed.slice(result.start, result.end)).toBe('The code will cover online conduct.')
  })

  it('chooses, of identical quotes, the one whose surroundings match', () => {
    const text = 'First point: we agree.\nSecond point: we agree.\nThird point: we agree.'
    const s = stored(text, 'we agree.', 1)
    const changed = `Header line\n${text}`
    const result = anchorPassage(changed, s)
    expect(changed.slice(result.start - 14, result.start)).toBe('Second point: ')
  })

  it('prefers the nearest copy when the surroundings say nothing', () => {
    const text = 'aa yes. bb yes. cc yes.'
    const s = { start: 12, end: 16, quote: 'yes.', prefix: '', suffix: '' }
    expect(anchorPassage(`x${text}`, s).start).toBe(12)
  })

  it('matches across changed spacing, line breaks, curly quotes and dashes', () => {
    const s = stored('The Party\'s code – adopted in 2019 – applies to all members.', 'The Party\'s code – adopted in 2019 – applies')
    const changed = 'Intro.\nThe Party’s code —\nadopted in 2019 — applies to all members.'
    const result = anchorPassage(changed, s)
    expect(result.state).toBe('moved')
    expect(result.quote).toBe('The Party’s code —\nadopted in 2019 — applies')
  })

  it('finds words that are close but not the same (re-extraction fixed a typo), above the threshold', () => {
    const s = stored(ORIGINAL, 'We will publish a new code in July 2022.')
    const changed = ORIGINAL.replace('We will publish a new code in July 2022.', 'We will publish the new Code in July 2022.')
    const result = anchorPassage(changed, s)
    expect(result.state).toBe('fuzzy')
    expect(result.quote).toBe('We will publish the new Code in July 2022.')
  })

  it('reports a passage whose words are gone as lost, keeping the old place', () => {
    const s = stored(ORIGINAL, 'The code will cover online conduct.')
    const result = anchorPassage('A different letter altogether, about something else entirely.', s)
    expect(result).toMatchObject({ state: 'lost', start: s.start, quote: s.quote })
  })

  it('matches a long quote by its head and tail', () => {
    const long = `${'The Party has reviewed its procedures in detail. '.repeat(12)}End of the passage here.`
    const text = `Opening.\n\n${long}\n\nClosing.`
    const s = stored(text, long)
    const changed = `New opening paragraph.\n\n${long.replace('reviewed its procedures in detail', 'reviewed its procedures in great detail')}\n\nClosing.`
    const result = anchorPassage(changed, s)
    expect(result.state).not.toBe('lost')
    expect(result.quote.endsWith('End of the passage here.')).toBe(true)
  })

  it('approximate substring search gives the span with the fewest edits', () => {
    expect(fuzzyFind('xx the quick brown fax jumps yy', 'quick brown fox', 0)).toEqual({ start: 7, end: 22 })
    expect(fuzzyFind('nothing like it', 'quick brown fox', 0)).toBeNull()
  })
})
