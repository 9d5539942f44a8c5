// Every format, from fixtures made here: the type is sniffed from the bytes, the text extracted.
import { Document, FootnoteReferenceRun, Header, Packer, Paragraph, TextRun } from 'docx'
import { afterAll, describe, expect, it } from 'vitest'
import { extractLetter } from '../../../src/main/core/letters/extract-text'
import { shutdownOcr } from '../../../src/main/core/letters/extractors/ocr'
import { DEFAULT_EXTRACT_LIMITS } from '../../../src/main/core/letters/extractors/types'
import { sniffFormat } from '../../../src/main/core/letters/sniff'
import { docxLetter, eml, HAS_PDFTOPPM, HAS_SOFFICE, minimalPdf, odtLetter, pdfToImage, scannedPdf, sofficeConvert } from '../../support/letter-fixtures'

afterAll(() => shutdownOcr())

async function extract(name: string, bytes: Uint8Array) {
  const format = sniffFormat(bytes, name)
  return { format, ...(await extractLetter({ bytes, format, fileName: name, limits: DEFAULT_EXTRACT_LIMITS })) }
}

const LETTER = ['College of Policing', '12 May 2021', 'Dear Lord Evans,', 'Re: Guidance for candidates', 'We have published joint guidance on intimidation.', 'Yours sincerely,', 'Jo Bloggs']

describe('text formats', () => {
  it('reads .txt and .md as text, whatever the extension', async () => {
    expect(await extract('letter.md', new TextEncoder().encode('# Reply\n\nDear Chair'))).toMatchObject({ format: 'txt', text: '# Reply\n\nDear Chair', ocr: false })
  })

  it('reads HTML as text, dropping scripts, styles and link targets', async () => {
    const html = '<!DOCTYPE html><html><head><style>p{color:red}</style><script>fetch("http://evil.test")</script></head><body><h1>Reply</h1><p>Dear Chair,</p><p>See <a href="http://x.test/track">our code</a>.</p><img src="http://x.test/pixel.png"><script>alert(1)</script></body></html>'
    const result = await extract('reply.txt', new TextEncoder().encode(html))
    expect(result.format).toBe('html')
    expect(result.text).toContain('Dear Chair,')
    expect(result.text).toContain('See our code.')
    expect(result.text).not.toMatch(/fetch|alert|evil|x\.test|color/)
  })

  it('reads RTF with its code page, unicode escapes and no font table', async () => {
    const rtf = String.raw`{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times New Roman;}}{\colortbl;\red0\green0\blue0;}{\*\generator Word;}\pard Home Office\par 4 March 2021\par Caf\'e9 \u8220?quoted\u8221? \'a35\par}`
    const result = await extract('letter.rtf', new TextEncoder().encode(rtf))
    expect(result).toMatchObject({ format: 'rtf', text: 'Home Office\n4 March 2021\nCafé “quoted” £5' })
  })
})

describe('office documents', () => {
  it('reads .docx and finds a bold heading when there is no "Re:" line', async () => {
    const bytes = await docxLetter(['Home Office', '2 Marsham Street', '1 June 2021', 'Dear Lord Evans,', 'Candidate safety at elections', 'We write about candidates.'], [0, 4])
    const result = await extract('reply.pdf', bytes) // the name says PDF; the bytes say Word
    expect(result).toMatchObject({ format: 'docx', heading: 'Candidate safety at elections' })
    expect(result.text).toContain('We write about candidates.')
  })

  it('reads a .docx letterhead from the page header first, and its footnotes last', async () => {
    const document = new Document({
      footnotes: { 1: { children: [new Paragraph('See the published guidance.')] } },
      sections: [
        {
          headers: { default: new Header({ children: [new Paragraph('Crown Prosecution Service'), new Paragraph('102 Petty France')] }) },
          children: [new Paragraph('14 June 2021'), new Paragraph({ children: [new TextRun('We have published guidance.'), new FootnoteReferenceRun(1)] })],
        },
      ],
    })
    const result = await extract('letter.docx', new Uint8Array(await Packer.toBuffer(document)))
    expect(result.text).toMatch(/^Crown Prosecution Service\n102 Petty France\n\n14 June 2021\n\nWe have published guidance\.(\[1\])?[\s\S]*See the published guidance\.$/)
  })

  it('reads .odt from content.xml, with spaces, tabs and line breaks', async () => {
    const bytes = await odtLetter(['Crown Prosecution Service', '14/03/2019', 'xml:Re: Guidance &amp; <text:s text:c="2"/>candidates<text:line-break/>next line'])
    const result = await extract('letter.odt', bytes)
    expect(result.format).toBe('odt')
    expect(result.text).toBe('Crown Prosecution Service\n14/03/2019\nRe: Guidance &   candidates\nnext line')
  })

  it.skipIf(!HAS_SOFFICE)('reads .doc (Word 97–2003) made by LibreOffice (skipped when soffice is not installed)', async () => {
    const doc = sofficeConvert('letter.docx', await docxLetter(LETTER), 'doc')
    expect(doc).not.toBeNull()
    const result = await extract('letter.doc', doc!)
    expect(result.format).toBe('doc')
    expect(result.text).toContain('We have published joint guidance on intimidation.')
  }, 120_000)
})

describe('PDF', () => {
  it('reads the text layer with a blank line between pages', async () => {
    const result = await extract('letter.pdf', minimalPdf([['Home Office', '1 June 2021'], ['Page two (continued) \\ end']]))
    expect(result).toMatchObject({ format: 'pdf', ocr: false, text: 'Home Office\n1 June 2021\n\nPage two (continued) \\ end' })
  })

  it.skipIf(!HAS_SOFFICE)('reads a PDF printed by LibreOffice (skipped when soffice is not installed)', async () => {
    const pdf = sofficeConvert('letter.docx', await docxLetter(LETTER), 'pdf')
    const result = await extract('letter.pdf', pdf!)
    expect(result.text).toContain('We have published joint guidance on intimidation.')
  }, 120_000)

  it.skipIf(!HAS_PDFTOPPM)('reads a scanned PDF by OCR and says so (skipped when pdftoppm is not installed)', async () => {
    const result = await extract('scan.pdf', scannedPdf(LETTER)!)
    expect(result).toMatchObject({ format: 'pdf', ocr: true })
    expect(result.text).toContain('Guidance for candidates')
    expect(result.text).toContain('12 May 2021')
  }, 60_000)
})

describe.skipIf(!HAS_PDFTOPPM)('pictures, through offline OCR (skipped when pdftoppm is not installed to draw them)', () => {
  it.each(['png', 'jpeg', 'tiff'] as const)('reads a scanned letter saved as %s', async (kind) => {
    const picture = pdfToImage(minimalPdf([LETTER]), kind, 150)!
    const result = await extract(`scan.${kind}`, picture)
    expect(result).toMatchObject({ format: kind, ocr: true })
    expect(result.text).toContain('College of Policing')
    expect(result.text).toContain('We have published joint guidance on intimidation.')
  }, 60_000)
})

describe('e-mail', () => {
  it('reads an .eml: headers as inference inputs, text body, letters among its attachments', async () => {
    const bytes = eml({
      from: 'Jo Bloggs <jo.bloggs@college.police.uk>',
      to: 'Secretariat <secretariat@public-standards.gov.uk>',
      date: 'Tue, 11 May 2021 23:30:00 -0700',
      subject: 'RE: Guidance for candidates',
      text: 'Dear Secretariat,\n\nPlease find our reply attached.\n\nJo',
      attachments: [
        { name: '../../reply.pdf', type: 'application/pdf', bytes: minimalPdf([['College of Policing', 'Our full reply.']]) },
        { name: 'logo.png', type: 'image/png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), inline: true },
        { name: 'invite.ics', type: 'text/calendar', bytes: new TextEncoder().encode('BEGIN:VCALENDAR\nEND:VCALENDAR') },
      ],
    })
    const result = await extract('reply.eml', bytes)
    expect(result.format).toBe('eml')
    // The sender's own date (11 May, in California), not the UTC date (12 May).
    expect(result.email).toEqual({ from: { name: 'Jo Bloggs', address: 'jo.bloggs@college.police.uk' }, to: [{ name: 'Secretariat', address: 'secretariat@public-standards.gov.uk' }], date: '2021-05-11', subject: 'RE: Guidance for candidates' })
    expect(result.text).toMatch(/^From: Jo Bloggs <jo.bloggs@college.police.uk>\nTo: .+\nDate: .+\nSubject: RE: Guidance for candidates\n\nDear Secretariat,/)
    expect(result.letters.map((l) => l.name)).toEqual(['reply.pdf']) // never a path
    expect(result.listed).toEqual(['logo.png', 'invite.ics'])
  })

  it('turns an HTML-only body into text without running it', async () => {
    const result = await extract('html.eml', eml({ from: 'a@ipso.co.uk', to: 'b@x.org', date: '1 Jun 2021 10:00 +0100', subject: 'Code', html: '<p>Dear Chair,</p><script>document.write("owned")</script><p>The Code covers it.</p>' }))
    expect(result.text).toContain('The Code covers it.')
    expect(result.text).not.toContain('owned')
  })
})
