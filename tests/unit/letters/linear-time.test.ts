// Every pass over a letter's text (or a file's XML) takes time in proportion to its length. For
// each pattern or scanner that reads untrusted text, fast-check picks short runs of that
// pattern's own alphabet (the characters and tags it looks for), repeats them to a long input
// ended by something that breaks the run (every single piece first, then mixtures), and the time
// for an input eight times longer must grow about eight times (a little more once the input
// outgrows the caches), not sixty-four. The inputs that froze the app (a 120 KB run of letters
// and digits, 200 000 spaces before a word, an unclosed <mc:Fallback> flood) are such runs.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findEmailAddresses } from '../../../src/main/core/letters/email-addresses'
import { findHeading, wordXmlText } from '../../../src/main/core/letters/extractors/docx'
import { headerDate } from '../../../src/main/core/letters/extractors/email-text'
import { extractRtf, rtfToText } from '../../../src/main/core/letters/extractors/rtf'
import { decodeEntities, odfText, readOdf } from '../../../src/main/core/letters/extractors/xml-text'
import { readsAsLanguage } from '../../../src/main/core/letters/extractors/text-quality'
import { extractWordXml } from '../../../src/main/core/letters/extractors/word-xml'
import { findDateInLine, findDatesInLine, isDateline, isIncidentalDate } from '../../../src/main/core/letters/find-date'
import { hasUnsafeDtd } from '../../../src/main/core/letters/extractors/zip-guard'
import { splitMailbox } from '../../../src/main/core/letters/mailbox'
import { subjectCase } from '../../../src/main/core/letters/subject-case'
import { decodeTextReporting } from '../../../src/main/core/letters/decode-text'
import { latinCodePage } from '../../../src/main/core/letters/latin-code-page'
import { signatureOf } from '../../../src/main/core/letters/fingerprint'
import { domainOf, subjectFromHeaders } from '../../../src/main/core/letters/infer-email'
import { fromLineName, inferMetadata, type RegisterEntry } from '../../../src/main/core/letters/infer-metadata'
import { normaliseText } from '../../../src/main/core/letters/normalise-text'
import { sniffFormat } from '../../../src/main/core/letters/sniff'
import { anchorPassage } from '../../../src/main/core/links/anchor'
import { findCommitments } from '../../../src/main/core/commitments/find-commitments'
import { citedNumbers } from '../../../src/main/core/suggestions/citations'
import { letterSegments } from '../../../src/main/core/suggestions/segments'
import { tokenise } from '../../../src/main/core/suggestions/terms'
import { parseSearchQuery } from '../../../src/main/core/search/fts-query'
import { highlightSnippet } from '../../../src/main/core/search/highlight'
import { openingParts } from '../../../src/main/core/search/snippet'
import { GROWTH_FACTOR, growthRatio, LINEAR_LIMIT, runOf } from '../../support/growth'

const REGISTER: RegisterEntry[] = [
  { id: 1, name: 'Independent Press Standards Organisation', aliases: ['IPSO'], domains: ['ipso.co.uk'] },
  { id: 2, name: 'Crown Prosecution Service', aliases: ['CPS'], domains: ['cps.gov.uk'] },
]
const OWN = { names: ['Committee on Standards in Public Life'], domains: ['public-standards.gov.uk'] }

interface Subject {
  name: string
  /** The pieces the pattern looks for; runs are made of these. */
  alphabet: string[]
  run(input: string): unknown
}

const subjects: Subject[] = [
  { name: 'e-mail addresses in a text', alphabet: ['a', 'Z', '0', '_', '.', '+', '-', '@', ' ', 'x.y'], run: (s) => [...findEmailAddresses(s)] },
  {
    name: 'inference over a whole letter',
    alphabet: ['a', '9', '@', '.', '-', ' ', '\n', 'Dear ', 'From: ', '<', '>', 'Re: ', 'Yours sincerely', '4 March 2021', 'IPSO', 'x@ipso.co.uk'],
    run: (s) => inferMetadata(s, REGISTER, OWN, { heading: null }),
  },
  { name: 'the name on a From: line', alphabet: [' ', 'a', '<', '>', '"', '\t'], run: (s) => fromLineName(`From: ${s}`) },
  { name: 'the domain of an address', alphabet: ['>', ' ', 'a', '.', '-'], run: (s) => domainOf(`jo@${s}`) },
  { name: 'reply prefixes on a Subject header', alphabet: ['re', 'fw', ' ', ':', '[', '1', ']'], run: (s) => subjectFromHeaders({ from: null, to: [], date: null, subject: `re${s}` }) },
  { name: 'a date in a line', alphabet: ['1', '12', ' ', 'of ', 'March', 'mar', 'Sept', '2021', '/', '.', '-', ',', 'st'], run: findDateInLine },
  { name: 'an e-mail Date header', alphabet: ['Tue', ',', ' ', '12', 'May', '2021', ':'], run: headerDate },
  { name: 'text normalisation (trailing blanks, blank lines)', alphabet: [' ', '\t', 'a', '\n', '\r', '\u00a0', '\ud800'], run: normaliseText },
  {
    name: 'WordprocessingML text',
    alphabet: ['<mc:Fallback>', '</mc:Fallback>', '<w:t ', '<w:t>', '</w:t>', 'x', ' ', '</w:p>', '<w:tab/>', '<w:br ', '>', '&amp;', '&#x41;'],
    run: (s) => wordXmlText(s),
  },
  {
    name: 'OpenDocument text',
    alphabet: ['<', '<!--', '-->', '<?', '?>', '<![CDATA[', ']]>', 'text:p', 'a:b', ' ', '>', '/', '<text:s text:c="3"/>', '</text:p>', 'x'],
    run: (s) => odfText(`<office:body>${s}`),
  },
  {
    name: 'OpenDocument styles, spans and headings',
    alphabet: ['<style:style style:name="T1">', '<style:text-properties fo:font-weight="bold"/>', '</style:style>', '<office:body>', '<text:span text:style-name="T1">', '</text:span>', '<text:h>', '</text:h>', '<text:p text:style-name="T1">', '</text:p>', 'x', ' '],
    run: readOdf,
  },
  { name: 'XML character references', alphabet: ['&', '#', 'x', '1', 'a', ';'], run: decodeEntities },
  { name: 'a Word heading in mammoth HTML', alphabet: ['<p>', '</p>', '<strong>', '</strong>', '<u>', '</u>', 'a', ' ', '<li>', '</li>', '<h1 class="x">', '</h1>', 'Dear '], run: findHeading },
  { name: 'RTF', alphabet: ['{', '}', '\\', 'par ', "\\'e9", '\\u8212?', 'a', ' ', '\\*', '\n'], run: rtfToText },
  {
    name: 'RTF paragraphs in bold or underlined, in a code page it does not name',
    alphabet: ['{\\b ', '{\\ul ', '\\ulnone ', '\\b0 ', '\\plain ', '}', '\\par ', "\\'e8", "\\'9a", 'a', ' ', '\n'],
    run: (s) => extractRtf(new TextEncoder().encode(`{\\rtf1\\ansi ${s}`)),
  },
  {
    name: 'Western or Central European code page, by the letters each gives',
    alphabet: ['\xe8', '\x9a', '\xb9', 'a', ' ', '\xa3', '5', '\x85'],
    run: (s) => [latinCodePage(Buffer.from(s, 'latin1'), 'windows-1252'), decodeTextReporting(Buffer.from(s, 'latin1'))],
  },
  { name: 'sniffing a text file', alphabet: ['From', ':', ' ', '\r\n', 'a', '<p>', '<html'], run: (s) => sniffFormat(new TextEncoder().encode(s), 'letter.txt') },
  {
    name: 'sniffing past an HTML preamble and markup',
    alphabet: ['<!--', '-->', '<?', '?>', '<!DOCTYPE ', '>', ' ', '\n', '<br', '<br>', '<b ', 'Subject: ', 'x'],
    run: (s) => sniffFormat(new TextEncoder().encode(`\uFEFF${s}`), 'page.htm'),
  },
  { name: 'telling language from glyph gibberish', alphabet: ['the', ' ', 'Ghdu', '\ue000', '\u0001', '1', '.', 'é', '語'], run: readsAsLanguage },
  {
    name: 'Word 2003 XML text',
    alphabet: ['<w:binData', '</w:binData>', '<w:t>', '</w:t>', '</w:p>', 'x', ' ', '>'],
    run: (s) => extractWordXml(new TextEncoder().encode(`<?xml version="1.0"?><w:wordDocument>${s}`)),
  },
  { name: 'the near-duplicate fingerprint', alphabet: ['word', ' ', 'é', '1', '.'], run: signatureOf },
  { name: 'letter segments and sentences', alphabet: ['Dear ', 'Regards', '\n', ' ', '.', 'A', 'a', '\t', 'Mr.', '!'], run: letterSegments },
  { name: 'dated commitments', alphabet: ['by', ' ', 'this year', 'will', '.', 'A', 'March', '2021', 'early', 'Q1', 'next', 'in'], run: (s) => findCommitments(s, '2021-01-01') },
  { name: 'cited recommendation numbers', alphabet: ['recommendation', ' ', '12', ',', 'and', 'to', 'rec.', 'b'], run: citedNumbers },
  { name: 'words and stems for suggestions', alphabet: ['a', '’', 's', ' ', '1', 'ing'], run: tokenise },
  { name: 'search snippets', alphabet: ['poli', 'cy', ' ', 'é', '1', '.'], run: (s) => highlightSnippet(s, [{ word: 'policy', prefix: false }]) },
  { name: 'the opening of a text', alphabet: [' ', 'a', '\n'], run: (s) => openingParts(s) },
  { name: 'a search query', alphabet: ['"', '-', '*', 'a', ' '], run: (s) => parseSearchQuery(s) },
  {
    name: 'RTF fonts with their own character sets',
    alphabet: ['{\\fonttbl', '{\\f1\\fcharset128 ', '\\f1 ', '\\f2 ', "\\'83", 'e', '}', '\\\\', '\\plain ', '\\deff1'],
    run: rtfToText,
  },
  {
    name: 'dates in a line, datelines, ranges and citations',
    alphabet: ['1', '12', ' ', 'March', '2021', '–', 'to ', 'and ', 'between ', '[2019] UKSC', ' v ', 'Act ', ','],
    run: (s) => {
      const spans = findDatesInLine(s)
      return [isDateline(s), spans.map((span, index) => isIncidentalDate(s, span, spans[index - 1]))]
    },
  },
  { name: 'a subject in capitals', alphabet: ['A', 'BC', ' ', '’S', '1', 'OF', '-'], run: subjectCase },
  { name: 'a DTD in an OpenDocument part', alphabet: ['<!DOCTYPE', ' ', '"', "'", 'a:', '[', '>', 'x'], run: (s) => hasUnsafeDtd(Buffer.from(s, 'latin1')) },
  {
    name: 'splitting a mailbox into messages',
    alphabet: ['\nFrom ', 'jo@x ', 'Tue May 10 09:14:00 2022', '\n', 'a', ' '],
    run: (s) => {
      try {
        return splitMailbox(Buffer.from(`From jo@x Tue May 10 09:14:00 2022\n${s}`, 'latin1'), 'inbox.mbox')
      } catch {
        return null // more messages than a mailbox may hold: refused, which is the bound
      }
    },
  },
  {
    name: 'finding a passage again',
    alphabet: ['the ', 'quick ', 'brown ', 'fox ', '\n', '“', '—'],
    run: (s) => anchorPassage(s, { start: 0, end: 0, quote: 'the quick brown fox jumps over the lazy dog', prefix: '', suffix: '' }),
  },
]

/** The base length of a run: long enough to show quadratic growth, short enough to fail fast. */
const LENGTH = 6_000

describe('every pass over untrusted text takes linear time', () => {
  it.each(subjects)('$name', ({ alphabet, run }) => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 6 }), fc.constantFrom('!', '\n', '§', ...alphabet), (pieces, end) => {
        const ratio = growthRatio(run, (length) => runOf(pieces.join(''), end, length), LENGTH)
        expect(ratio, `time grew ${ratio.toFixed(1)}× for ${GROWTH_FACTOR}× the input “${pieces.join('')}”…“${end}”`).toBeLessThan(LINEAR_LIMIT)
      }),
      // A run of one piece ended by a character outside the alphabet is the classic worst case
      // (200 000 spaces and a word): every piece is tried that way first, then random mixtures.
      { numRuns: 3 + alphabet.length, examples: alphabet.map((piece): [string[], string] => [[piece], '!']) },
    )
  }, 120_000)

  it('catches a quadratic pattern (the e-mail pattern this project used to have)', () => {
    const old = (s: string) => [...s.matchAll(/[\w.+-]+@([\w-]+(?:\.[\w-]+)+)/g)]
    expect(growthRatio(old, (length) => runOf('aZ09', '!', length), 3_000, { tries: 2, attempts: 1 })).toBeGreaterThan(LINEAR_LIMIT)
  })
})
