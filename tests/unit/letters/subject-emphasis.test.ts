// Issue 13, class 7: a line wholly in bold or underlined just after the salutation is the letter's
// subject, whichever program set it: Word (.docx, through mammoth with underlining kept) or RTF
// (\b and \ul, in any of its underline styles) or OpenDocument (automatic styles on a paragraph or
// its spans, and text:h headings). Every fixture is written here.
import { describe, expect, it } from 'vitest'
import { extractLetter } from '../../../src/main/core/letters/extract-text'
import { rtfToText } from '../../../src/main/core/letters/extractors/rtf'
import { DEFAULT_EXTRACT_LIMITS } from '../../../src/main/core/letters/extractors/types'
import { inferMetadata } from '../../../src/main/core/letters/infer-metadata'
import { sniffFormat } from '../../../src/main/core/letters/sniff'
import { readOdf } from '../../../src/main/core/letters/extractors/xml-text'
import { docxLetter, odtLetter } from '../../support/letter-fixtures'

async function subjectOf(name: string, bytes: Uint8Array) {
  const format = sniffFormat(bytes, name)
  const extraction = await extractLetter({ bytes, format, fileName: name, limits: DEFAULT_EXTRACT_LIMITS })
  return { extraction, subject: inferMetadata(extraction.text, [], { names: [], domains: [] }, { heading: extraction.heading }).subject }
}

const LETTER = ['Office of the Information Commissioner', 'Wycliffe House, Water Lane', '12 January 2022', 'Dear Lord Evans,', 'Transparency of lobbying by former ministers', 'We write in reply to your letter about the register.', 'Yours sincerely,', 'Amelia Hart']
const SUBJECT = 4

/** An RTF letter, one paragraph per line; the subject line is set with `subjectControl`. */
function rtfLetter(lines: string[], subjectControl: string, subjectIndex = SUBJECT): Uint8Array {
  const body = lines.map((line, i) => (i === subjectIndex ? `{${subjectControl} ${line}}\\par` : `${line}\\par`)).join('\n')
  return new TextEncoder().encode(`{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n\\pard\\plain\\f0\\fs22 ${body}\n}`)
}

describe('a Word letter’s subject set in bold or underlined', () => {
  it('takes an underlined line after the salutation as the subject', async () => {
    const { subject } = await subjectOf('reply.docx', await docxLetter(LETTER, [], [SUBJECT]))
    expect(subject).toMatchObject({ value: 'Transparency of lobbying by former ministers', confidence: 0.7 })
  })

  it('takes a bold and underlined line, and still a bold one', async () => {
    expect((await subjectOf('a.docx', await docxLetter(LETTER, [SUBJECT], [SUBJECT]))).subject.value).toBe('Transparency of lobbying by former ministers')
    expect((await subjectOf('b.docx', await docxLetter(LETTER, [SUBJECT]))).subject.value).toBe('Transparency of lobbying by former ministers')
  })

  it('takes no subject from a letter with no emphasised line, nor from an underlined dateline', async () => {
    expect((await subjectOf('plain.docx', await docxLetter(LETTER))).subject.value).toBeNull()
    const dated = ['Dear Lord Evans,', 'March 3, 2022', 'We write in reply to your letter.', 'Yours sincerely,', 'Amelia Hart']
    expect((await subjectOf('dated.docx', await docxLetter(dated, [], [1]))).subject.value).toBeNull()
  })
})

describe('an RTF letter’s subject set in bold or underlined', () => {
  it.each([
    ['underlined (\\ul)', '\\ul'],
    ['double-underlined (\\uldb)', '\\uldb'],
    ['underlined words only (\\ulw)', '\\ulw'],
    ['bold (\\b)', '\\b'],
    ['bold and underlined', '\\b\\ul'],
  ])('takes a line set %s after the salutation', async (_, control) => {
    const { extraction, subject } = await subjectOf('reply.rtf', rtfLetter(LETTER, control))
    expect(extraction.text).toBe(LETTER.join('\n'))
    expect(subject).toMatchObject({ value: 'Transparency of lobbying by former ministers', reason: 'bold or underlined heading at the top of the letter' })
  })

  it('does not take a line whose emphasis ends part-way, or was switched off (\\ul0, \\ulnone, \\b0, \\plain)', async () => {
    const partial = LETTER.map((line, i) => (i === SUBJECT ? `{\\ul Transparency of lobbying} by former ministers` : line))
    expect((await subjectOf('partial.rtf', rtfLetter(partial, '', -1))).subject.value).toBeNull()
    for (const off of ['\\ul\\ul0', '\\ul\\ulnone', '\\b\\b0', '\\b\\ul\\plain']) {
      expect((await subjectOf('off.rtf', rtfLetter(LETTER, off))).subject.value, off).toBeNull()
    }
  })

  it('keeps emphasis to its group, and reads the text the same as before', () => {
    const rtf = String.raw`{\rtf1\ansi{\b Bold}{\ul Under}\par Plain\par}`
    expect(rtfToText(rtf)).toBe('BoldUnder\nPlain\n')
  })
})

describe('an OpenDocument letter’s subject set in bold or underlined', () => {
  const STYLES = [
    '<style:style style:name="P1" style:family="paragraph"><style:text-properties style:text-underline-style="solid" style:text-underline-width="auto"/></style:style>',
    '<style:style style:name="P2" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style>',
    '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="700"/></style:style>',
    '<style:style style:name="T2" style:family="text"><style:text-properties style:text-underline-style="none"/></style:style>',
  ].join('')
  const odt = (subjectElement: string) => odtLetter(LETTER.map((line, i) => (i === SUBJECT ? `element:${subjectElement}` : line)), '', STYLES)

  it.each([
    ['an underlined paragraph style', '<text:p text:style-name="P1">Transparency of lobbying by former ministers</text:p>'],
    ['a bold paragraph style', '<text:p text:style-name="P2">Transparency of lobbying by former ministers</text:p>'],
    ['bold spans (weight 700) over all its text', '<text:p><text:span text:style-name="T1">Transparency of lobbying</text:span> <text:span text:style-name="T1">by former ministers</text:span></text:p>'],
  ])('takes a line set by %s after the salutation', async (_, xml) => {
    const { extraction, subject } = await subjectOf('reply.odt', await odt(xml))
    expect(extraction.text).toBe(LETTER.join('\n'))
    expect(subject.value).toBe('Transparency of lobbying by former ministers')
  })

  it('does not take a line only part bold, or whose underline style is none', async () => {
    expect((await subjectOf('part.odt', await odt('<text:p><text:span text:style-name="T1">Transparency of lobbying</text:span> by former ministers</text:p>'))).subject.value).toBeNull()
    expect((await subjectOf('none.odt', await odt('<text:p text:style-name="T2">Transparency of lobbying by former ministers</text:p>'))).subject.value).toBeNull()
  })

  it('marks text:h headings as headings', () => {
    const { blocks } = readOdf('<office:body><text:h text:outline-level="1">Annual report</text:h><text:p>Dear Chair,</text:p></office:body>')
    expect(blocks).toEqual([
      { text: 'Annual report', heading: true, emphasised: false },
      { text: 'Dear Chair,', heading: false, emphasised: false },
    ])
  })
})
