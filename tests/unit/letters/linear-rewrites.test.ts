// The scanners that replaced backtracking patterns find what the patterns found: fast-check
// compares them on short random strings of the characters that matter, where the old patterns
// are still quick.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findEmailAddresses } from '../../../src/main/core/letters/email-addresses'
import { htmlBlocks, isWhollyBold, wordXmlText } from '../../../src/main/core/letters/extractors/docx'
import { withoutElements } from '../../../src/main/core/letters/extractors/xml-text'
import { domainOf, REPLY_PREFIXES } from '../../../src/main/core/letters/infer-email'
import { fromLineName } from '../../../src/main/core/letters/infer-metadata'
import { normaliseText, TRAILING_BLANKS } from '../../../src/main/core/letters/normalise-text'
import { rtfToText } from '../../../src/main/core/letters/extractors/rtf'

const textOf = (alphabet: string[], maxLength = 30) => fc.array(fc.constantFrom(...alphabet), { maxLength }).map((pieces) => pieces.join(''))
const RUNS = { numRuns: 2000 }

describe('linear scanners agree with the patterns they replaced', () => {
  it('e-mail addresses', () => {
    fc.assert(
      fc.property(textOf(['a', 'Z', '0', '_', '.', '+', '-', '@', ' ', 'é', '<']), (text) => {
        const old = [...text.matchAll(/[\w.+-]+@([\w-]+(?:\.[\w-]+)+)/g)].map((m) => ({ address: m[0], domain: m[1], index: m.index }))
        expect([...findEmailAddresses(text)]).toEqual(old)
      }),
      RUNS,
    )
  })

  it('the name on a From: line', () => {
    fc.assert(
      fc.property(textOf([' ', 'a', '<', '>', '"', 'b']), (rest) => {
        const line = `From: ${rest}`.trim()
        expect(fromLineName(line)).toBe(/^from\s*:\s*(.+?)\s*(<[^>]*>)?$/i.exec(line)?.[1] ?? null)
      }),
      RUNS,
    )
  })

  it('trailing blanks, a domain’s trailing brackets and reply prefixes', () => {
    fc.assert(
      fc.property(textOf([' ', '\t', 'a', '>']), (text) => {
        expect(text.replace(TRAILING_BLANKS, '')).toBe(text.replace(/[ \t]+$/u, ''))
        expect(domainOf(`jo@${text}x.org${text}`)).toBe(oldDomainOf(`jo@${text}x.org${text}`))
      }),
      RUNS,
    )
    fc.assert(
      fc.property(textOf(['re', 'fw', 'Fwd', ' ', ':', '[', '1', ']', 'x']), (subject) => {
        expect(subject.replace(REPLY_PREFIXES, '')).toBe(subject.replace(/^((re|fw|fwd|aw|sv|antw)\s*(\[\d+\])?\s*:\s*)+/i, ''))
      }),
      RUNS,
    )
  })

  it('text boxes’ fallback copies', () => {
    fc.assert(
      fc.property(textOf(['<mc:Fallback>', '</mc:Fallback>', 'x', '<']), (xml) => {
        expect(withoutElements(xml, '<mc:Fallback>', '</mc:Fallback>')).toBe(xml.replace(/<mc:Fallback>[\s\S]*?<\/mc:Fallback>/g, ''))
      }),
      RUNS,
    )
  })

  it('Word runs, paragraphs and blocks of HTML', () => {
    fc.assert(
      fc.property(textOf(['<w:t>', '</w:t>', '<w:t xml:space="preserve">', 'a', ' ', '</w:p>', '<w:tab/>', '<w:br/>']), (xml) => {
        const old = xml
          .split(/<\/w:p>/)
          .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)(?:\s[^>]*)?\/>/g)].map((m) => m[1] ?? (m[2] === 'tab' ? '\t' : '\n')).join(''))
          .map((line) => line.trim())
          .filter(Boolean)
          .join('\n')
        expect(wordXmlText(xml)).toBe(old)
      }),
      RUNS,
    )
    fc.assert(
      fc.property(textOf(['<p>', '</p>', '<li>', '</li>', '<h1 class="t">', '</h1>', '<strong>', '</strong>', 'a']), (html) => {
        expect([...htmlBlocks(html)]).toEqual([...html.matchAll(/<(p|h[1-6]|li)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => ({ name: m[1], inner: m[2] })))
      }),
      RUNS,
    )
    fc.assert(
      fc.property(textOf(['<strong>', '</strong>', 'a']), (inner) => {
        expect(isWhollyBold(inner)).toBe(/^<strong>[\s\S]*<\/strong>$/.test(inner) && !/<\/strong>[\s\S]+<strong>/.test(inner))
      }),
      RUNS,
    )
  })

  it('keeps normalising text as before', () => {
    expect(normaliseText('Dear Chair,   \n\n\n\nThank you.\t \r\nYours')).toBe('Dear Chair,\n\nThank you.\nYours')
  })

  it('reads RTF nested deeper than any document, keeping the text', () => {
    expect(rtfToText(`${'{'.repeat(100_000)}Deep text${'}'.repeat(100_000)} after`)).toBe('Deep text after')
  })
})

function oldDomainOf(address: string): string | null {
  const domain = address.split('@')[1]?.trim().toLowerCase().replace(/[>\s]+$/, '')
  return domain && /^[\w-]+(\.[\w-]+)+$/.test(domain) ? domain : null
}
