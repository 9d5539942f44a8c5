// Files other programs write (issue 13, classes 1, 5 and 6), built in tests/support/fidelity-fixtures:
// each must give its text, or be refused with the sentence that names the real reason.
import { afterAll, describe, expect, it } from 'vitest'
import { extractLetter } from '../../../src/main/core/letters/extract-text'
import { shutdownOcr } from '../../../src/main/core/letters/extractors/ocr'
import { measureText, readsAsLanguage } from '../../../src/main/core/letters/extractors/text-quality'
import { DEFAULT_EXTRACT_LIMITS } from '../../../src/main/core/letters/extractors/types'
import { sniffFormat } from '../../../src/main/core/letters/sniff'
import { cjkPdf, cutShort, encryptedOdt, encryptedOfficeFile, garbledPdf, greyScanJpeg, htmlWithPreamble, jpegTiff, photographPdf, photographWithoutText, wordBinaryFile, wordprocessingMl2003 } from '../../support/fidelity-fixtures'
import { docxLetter, HAS_PDFTOPPM, minimalPdf, odtLetter, scannedPdf } from '../../support/letter-fixtures'

afterAll(() => shutdownOcr())

async function extract(name: string, bytes: Uint8Array, limits = DEFAULT_EXTRACT_LIMITS) {
  const format = sniffFormat(bytes, name)
  return { format, ...(await extractLetter({ bytes, format, fileName: name, limits })) }
}

async function refusal(name: string, bytes: Uint8Array, limits = DEFAULT_EXTRACT_LIMITS): Promise<string> {
  try {
    await extract(name, bytes, limits)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error(`${name} was read, but should have been refused`)
}

const LETTER = [
  'Dear Lord Evans,',
  'Thank you for your letter of 3 March about the standards of conduct in public life.',
  'We have considered the recommendations of the committee and will reply soon.',
  'The department is grateful for the work of the committee and for the time of its members.',
  'Yours sincerely,',
  'Jane Smith',
]
const encode = (text: string) => new TextEncoder().encode(text)

describe('CJK PDFs whose fonts are not embedded (predefined CMaps)', () => {
  it('reads Japanese shown through UniJIS-UCS2-H', async () => {
    const result = await extract('tokyo.pdf', cjkPdf(['拝啓　委員会の皆様', '公職の倫理基準について回答いたします。']))
    expect(result).toMatchObject({ format: 'pdf', ocr: false })
    expect(result.text).toBe('拝啓 委員会の皆様\n公職の倫理基準について回答いたします。')
  })

  it('reads vertical writing (UniJIS-UCS2-V), its presentation forms stored as typed', async () => {
    const result = await extract('tategaki.pdf', cjkPdf(['拝啓　委員会の皆様', '公職の倫理基準について回答いたします。'], true))
    expect(result.text.replace(/\s+/g, '')).toBe('拝啓委員会の皆様公職の倫理基準について回答いたします。')
  })
})

describe('PDFs whose text layer is glyph gibberish', () => {
  it('tells language from gibberish in one cheap pass', () => {
    expect(readsAsLanguage(LETTER.join('\n'))).toBe(true)
    expect(readsAsLanguage('Ghdu Orug Hydqv,\nWkdqn brx iru brxu ohwwhu ri 3 Pdufk derxw wkh vwdqgdugv ri frqgxfw lq sxeolf olih.')).toBe(false)
    const privateUse = (text: string) => [...text].map((c) => (c === ' ' ? c : String.fromCharCode(0xe000 + c.charCodeAt(0) - 97))).join('')
    expect(readsAsLanguage(privateUse('dear lord evans thank you for your letter of march'))).toBe(false)
    // Too short to judge: taken as it is.
    expect(readsAsLanguage(privateUse('dear lord'))).toBe(true)
    // Other languages and scripts are language too: Welsh, French, Japanese, a table of figures.
    expect(readsAsLanguage('Annwyl Arglwydd Evans, Diolch am eich llythyr am y safonau mewn bywyd cyhoeddus. Mae’r pwyllgor wedi ystyried yr argymhellion ac yn cytuno.')).toBe(true)
    expect(readsAsLanguage('Monsieur le Président, nous avons bien reçu votre lettre et nous vous remercions pour le travail de la commission sur les normes.')).toBe(true)
    expect(readsAsLanguage('公職の倫理基準について回答いたします。委員会の勧告を検討しました。')).toBe(true)
    expect(readsAsLanguage('2019 2020 2021\n£1,200 £3,400 £5,600\n12% 15% 18%')).toBe(true)
    expect(measureText('a\u0001b')).toMatchObject({ visible: 3, junk: 1 / 3 })
  })

  it.each(['shifted', 'private'] as const)('reads the pages by OCR instead when letters map to the wrong characters (%s)', async (kind) => {
    const result = await extract('custom-encoding.pdf', garbledPdf([LETTER, LETTER.slice(0, 3)], kind))
    expect(result).toMatchObject({ format: 'pdf', ocr: true })
    expect(result.text).toContain('Thank you for your letter of 3 March')
    expect(result.text).toContain('Yours sincerely')
    expect(result.text).not.toContain('Wkdqn')
  }, 60_000)

  it('leaves a PDF whose text reads as language alone (no OCR)', async () => {
    expect(await extract('plain.pdf', minimalPdf([LETTER]))).toMatchObject({ ocr: false, text: LETTER.join('\n') })
  })
})

describe('sniffing', () => {
  it('reads HTML after a BOM, an XML prolog and a long comment preamble as HTML', async () => {
    const result = await extract('saved.htm', htmlWithPreamble('<p>Dear Lord Evans,</p><p>Thank you <b>very</b> much.</p>'))
    expect(result).toMatchObject({ format: 'html', text: 'Dear Lord Evans,\n\nThank you very much.' })
  })

  it('reads HTML quoting an e-mail as HTML, not as an e-mail or text, so no tag is stored', async () => {
    const quoted = 'From: Jo Bloggs &lt;jo@ipso.co.uk&gt;<br>\nTo: Chair<br>\nDate: 10 May 2021<br>\nSubject: An exciting subject<br>\n\n<br>\nDear Chair,<br>\nThank you for your letter.<br>\n'
    const result = await extract('forwarded.html', encode(quoted))
    expect(result.format).toBe('html')
    expect(result.text).toBe('From: Jo Bloggs <jo@ipso.co.uk>\nTo: Chair\nDate: 10 May 2021\nSubject: An exciting subject\n\nDear Chair,\nThank you for your letter.')
    // A real e-mail, and a typed letter with angle-bracketed addresses, are still what they were.
    expect(sniffFormat(encode('From: Jo <jo@ipso.co.uk>\nTo: Chair <chair@x.gov.uk>\nDate: Mon, 10 May 2021 10:00:00 +0100\nSubject: Hello\n\nDear Chair'), 'm.eml')).toBe('eml')
    expect(sniffFormat(encode('Dear Chair,\nPlease write to <jo@ipso.co.uk> or <press@ipso.co.uk>.\n'), 'l.txt')).toBe('txt')
  })

  it('reads the text of Word 2003 XML (WordprocessingML)', async () => {
    const result = await extract('reply.xml', wordprocessingMl2003(LETTER))
    expect(result).toMatchObject({ format: 'doc', text: LETTER.join('\n\n') })
  })
})

describe.skipIf(!HAS_PDFTOPPM)('pictures (skipped when pdftoppm is not installed to draw the scans)', () => {
  it('reads every page of a JPEG-compressed, multi-page TIFF', async () => {
    const tiff = jpegTiff([greyScanJpeg(LETTER.slice(0, 3))!, greyScanJpeg(LETTER.slice(3))!])
    const result = await extract('fax.tif', tiff)
    expect(result).toMatchObject({ format: 'tiff', ocr: true })
    expect(result.text).toContain('Thank you for your letter of 3 March')
    expect(result.text).toContain('Yours sincerely')
  }, 60_000)

  it('refuses a TIFF whose page chain loops, without reading for ever', async () => {
    const tiff = jpegTiff([greyScanJpeg(['Dear Chair'])!])
    const view = Buffer.from(tiff.buffer)
    const first = view.readUInt32LE(4)
    view.writeUInt32LE(first, first + 2 + view.readUInt16LE(first) * 12) // the page's "next" is itself
    expect(await refusal('loop.tif', tiff)).toBe('loop.tif looks like a TIFF picture but is damaged or truncated, so its pages cannot be read.')
  })
})

describe('refusals that name the real reason', () => {
  it('refuses a photograph with no text, rather than importing OCR noise', async () => {
    expect(await refusal('holiday.png', photographWithoutText())).toBe(
      'holiday.png is a picture with no text that OCR can read (a photograph or drawing, or a scan too faint or blurred); there is nothing to import.',
    )
  }, 60_000)

  it('refuses a PDF that is only a photograph, rather than importing OCR noise', async () => {
    // Rendered at 72 dpi: the grain takes OCR a long time to read at 150, and the answer is the same.
    expect(await refusal('photo.pdf', photographPdf(), { ...DEFAULT_EXTRACT_LIMITS, ocrDpi: 72 })).toBe('photo.pdf has no text layer, and OCR found no text in its pictures; there is no text to import.')
  }, 60_000)

  it.skipIf(!HAS_PDFTOPPM)('still reads a scanned letter (needs pdftoppm)', async () => {
    const scan = await extract('scan.pdf', scannedPdf(LETTER)!)
    expect(scan).toMatchObject({ format: 'pdf', ocr: true })
    expect(scan.text).toContain('Thank you for your letter of 3 March')
  }, 60_000)

  const PASSWORD = 'is password-protected — remove the password in Word (or the program that made it) and import it again.'

  it('names a password-protected .docx (an OLE container holding EncryptedPackage)', async () => {
    expect(await refusal('secret.docx', encryptedOfficeFile('password'))).toBe(`secret.docx ${PASSWORD}`)
  })

  it('names a rights-managed (IRM) file', async () => {
    expect(await refusal('irm.docx', encryptedOfficeFile('rights-managed'))).toBe(
      'irm.docx is rights-managed (IRM/DRM): only people it was shared with can open it, in Office. Ask the sender for an unprotected copy, or remove the restriction in Word, and import it again.',
    )
  })

  it('names a password-protected .doc', async () => {
    expect(await refusal('secret.doc', wordBinaryFile('97', true))).toBe(`secret.doc ${PASSWORD}`)
  })

  it('names a password-protected .odt', async () => {
    expect(await refusal('secret.odt', await encryptedOdt())).toBe(`secret.odt ${PASSWORD}`)
  })

  it('names a Word 6/95 document', async () => {
    expect(await refusal('1996.doc', wordBinaryFile('6', false))).toBe('1996.doc is an old Word 6/95 document — open it in Word and save as .docx, then import it again.')
  })

  it.each([0.3, 0.6, 0.95])('names a .docx cut short (%s of it kept)', async (share) => {
    expect(await refusal('partial.docx', cutShort(await docxLetter(LETTER), share))).toBe(
      'partial.docx is a Word document (.docx), but the file is cut short (it ends part-way through, as an interrupted download or copy leaves it). Copy or save it again and import the complete file.',
    )
  })

  it('names an .odt cut short', async () => {
    expect(await refusal('partial.odt', cutShort(await odtLetter(LETTER), 0.5))).toMatch(/^partial\.odt is an OpenDocument file, but the file is cut short/)
  })

  it('still reads a whole .doc-shaped Word 97 file as Word 97 (the header check does not refuse it)', async () => {
    // A Word 97 header with no text tables: word-extractor finds it damaged, and says so.
    expect(await refusal('empty.doc', wordBinaryFile('97', false))).toMatch(/looks like an older Word document \(\.doc\) but could not be read/)
  })
})
