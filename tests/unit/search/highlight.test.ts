// The snippet's quick test of which words are hits (a word folded only when its first letter could
// begin a term) must mark exactly what folding every word marks: compared here with that plain
// reading on generated texts of ASCII, accented, ligature and other-script words.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fold, type HighlightTerm } from '../../../src/main/core/search/fts-query'
import { highlightSnippet, hitTest, wordsOf } from '../../../src/main/core/search/highlight'

const WORDS = ['Policy', 'police', 'POLICING', 'Pólice', 'ﬁnance', 'finance', 'Éclair', 'eclair', 'café', 'CAFE', 'naïve', 'Straße', 'İstanbul', 'Ωmega', 'ωmega', '2024', 'x1', 'Æsir', 'code', 'Conduct', 'of']
const TERMS: HighlightTerm[] = [
  { word: 'policy', prefix: false },
  { word: 'poli', prefix: true },
  { word: 'finance', prefix: false },
  { word: 'eclair', prefix: false },
  { word: 'cafe', prefix: false },
  { word: 'naive', prefix: false },
  { word: 'ωmega', prefix: false },
  { word: '20', prefix: true },
  { word: 'code', prefix: false },
  { word: 'æsir', prefix: false },
]

describe('highlightSnippet', () => {
  it('marks the words whose folded form is a term or starts with a prefix term, whatever their case and accents', () => {
    const text = 'The Policy on POLICING, ﬁnance and the Café: a naïve Éclair for Ωmega in 2024 (Æsir code).'
    const hits = highlightSnippet(text, TERMS).filter((p) => p.hit).map((p) => p.text)
    expect(hits).toEqual(['Policy', 'POLICING', 'ﬁnance', 'Café', 'naïve', 'Éclair', 'Ωmega', '2024', 'Æsir', 'code'])
  })

  it('tells a hit exactly as folding every word would', () => {
    const letter = fc.constantFrom(...'aAzZpPcC09éÉﬁæÆßİıΩω'.split(''), ...WORDS)
    const word = fc.array(letter, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''))
    const term = fc.record({ word: fc.oneof(fc.constantFrom(...TERMS.map((t) => t.word)), word.map(fold)), prefix: fc.boolean() })
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 4 }), fc.array(word, { minLength: 1, maxLength: 30 }), (terms, words) => {
        const quick = hitTest(terms)
        for (const w of words) expect(quick(w)).toBe(terms.some((t) => (t.prefix ? fold(w).startsWith(t.word) : fold(w) === t.word)))
      }),
      { numRuns: 500 },
    )
  })

  it('finds the same words as the regular expression for letters and digits, astral, combining and lone surrogate characters included', () => {
    const piece = fc.constantFrom('a', 'Z', '0', ' ', ',', '-', '_', '@', '[', '`', '{', 'é', 'e\u0301', 'ﬁ', 'ß', 'Ω', '٣', '𝔘', '😀', '\ud800', '\udc00', '\u00a0', '中', ...WORDS)
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('')
        const found = wordsOf(text, () => false)
        const expected = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => [m.index, m.index + m[0].length])
        expect(found.start.map((s, i) => [s, found.end[i]])).toEqual(expected)
      }),
      { numRuns: 1000 },
    )
  })
})
