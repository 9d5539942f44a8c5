// The punctuation-forgiving matcher of organisation names: pairs a person would call the same
// name, pairs that must stay apart, and the scan's worst case.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mentionsName, sameName } from '../../../src/main/core/organisations/name-matching'

const SAME: [string, string][] = [
  ['Department for Digital, Culture, Media & Sport', 'Department for Digital, Culture, Media and Sport'],
  ['Dept for Education', 'Department for Education'],
  ['Dept. for Education', 'Department for Education'],
  ['The Labour Party', 'Labour Party'],
  ['THE LABOUR PARTY', 'labour party'],
  ['Meta Platforms Ltd', 'Meta Platforms Limited'],
  ['Meta Platforms Ltd.', 'Meta Platforms Limited'],
  ["People's Party", 'Peoples Party'],
  ['People’s Party', "People's Party"],
  ['Co-operative Party', 'Co operative Party'],
  ['Independent Press Standards Organisation', 'independent  press   standards organisation'],
  ['Culture, Media + Sport Committee', 'Culture Media and Sport Committee'],
]

const DIFFERENT: [string, string][] = [
  ['Home Office', 'Foreign Office'],
  ['Labour Party', 'Scottish Labour Party'],
  ['Department for Education', 'Department of Health'],
  ['Meta Platforms Limited', 'Meta'],
  ['IPSO', 'Impress'],
  ['The Conservative Party', 'Conservative and Unionist Party'],
]

describe('organisation names that forgive punctuation', () => {
  it.each(SAME)('treats “%s” and “%s” as one name', (a, b) => {
    expect(sameName(a, b)).toBe(true)
    expect(sameName(b, a)).toBe(true)
  })

  it.each(DIFFERENT)('keeps “%s” and “%s” apart', (a, b) => {
    expect(sameName(a, b)).toBe(false)
  })

  it('finds a registered name in a letterhead however it is punctuated', () => {
    expect(mentionsName('Department for Digital, Culture, Media & Sport | 100 Parliament Street', 'Department for Digital, Culture, Media and Sport')).toBe(true)
    expect(mentionsName('From the Dept. for Education', 'Department for Education')).toBe(true)
    expect(mentionsName('Scottish Labour Party', 'Labour Party')).toBe(true) // a mention, not the same name
    expect(mentionsName('Labour Party members', 'Scottish Labour Party')).toBe(false)
    expect(mentionsName('the labourer party', 'Labour Party')).toBe(false)
  })

  it('matches acronyms only in capitals, and only as whole words', () => {
    expect(mentionsName('CPS Headquarters', 'CPS')).toBe(true)
    expect(mentionsName('the cps said', 'CPS')).toBe(false)
    expect(mentionsName('UPSCPS', 'CPS')).toBe(false)
  })

  it('says no, and finishes, on long runs of one repeated word (the scan’s worst case)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), (factor) => {
        const text = 'a '.repeat(20_000 * factor)
        expect(mentionsName(text, 'a a a a a a a b')).toBe(false)
      }),
      { numRuns: 4 },
    )
  })
})
