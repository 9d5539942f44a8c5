import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { wordDiff } from '../../../src/shared/domain/word-diff'

const side = (parts: ReturnType<typeof wordDiff>, keep: 'added' | 'removed') => parts.filter((p) => p.kind === 'same' || p.kind === keep).map((p) => p.text).join('')

describe('word-level redline', () => {
  it('marks replaced words as one removal and one addition', () => {
    expect(wordDiff('The recommendation was partly met in 2019.', 'The recommendation was fully met in 2021.')).toEqual([
      { kind: 'same', text: 'The recommendation was ' },
      { kind: 'removed', text: 'partly' },
      { kind: 'added', text: 'fully' },
      { kind: 'same', text: ' met in ' },
      { kind: 'removed', text: '2019' },
      { kind: 'added', text: '2021' },
      { kind: 'same', text: '.' },
    ])
  })

  it('handles empty sides and identical texts', () => {
    expect(wordDiff('', 'New text.')).toEqual([{ kind: 'added', text: 'New text.' }])
    expect(wordDiff('Old text.', '')).toEqual([{ kind: 'removed', text: 'Old text.' }])
    expect(wordDiff('Same.', 'Same.')).toEqual([{ kind: 'same', text: 'Same.' }])
  })

  it('folds the space between two changed words into the change', () => {
    const parts = wordDiff('We welcome the new code.', 'We note a revised code.')
    expect(parts).toEqual([
      { kind: 'same', text: 'We ' },
      { kind: 'removed', text: 'welcome the new' },
      { kind: 'added', text: 'note a revised' },
      { kind: 'same', text: ' code.' },
    ])
  })

  it('always rebuilds both texts exactly', () => {
    const words = fc.constantFrom('the', 'code', 'was', 'met', ',', '.', ' ', '\n\n', 'partly', 'fully', '*welcome*')
    fc.assert(
      fc.property(fc.array(words, { maxLength: 40 }), fc.array(words, { maxLength: 40 }), (a, b) => {
        const before = a.join('')
        const after = b.join('')
        const parts = wordDiff(before, after)
        expect(side(parts, 'removed')).toBe(before)
        expect(side(parts, 'added')).toBe(after)
        for (let k = 1; k < parts.length; k++) expect(parts[k]!.kind === 'same' && parts[k - 1]!.kind === 'same').toBe(false)
      }),
    )
  })
})
