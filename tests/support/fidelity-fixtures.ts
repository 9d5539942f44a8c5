// Files other programs write that Progress Desk once misread (issue 13, classes 1, 5 and 6),
// built from strings and bytes here: CJK PDFs whose fonts are not embedded (predefined CMaps),
// PDFs whose text layer is glyph gibberish, Office files that are encrypted, rights-managed, cut
// short or in Word 6/95 format, Word 2003 XML, HTML with a long preamble or quoting an e-mail,
// JPEG-compressed multi-page TIFFs and a photograph with no text.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import CFB from 'cfb'
import JSZip from 'jszip'
import { encodeGreyPng } from '../../src/main/core/letters/extractors/png-encode'
import { HAS_PDFTOPPM, minimalPdf } from './letter-fixtures'

/** A PDF from its numbered objects (object 1 is the catalogue); streams are given as [dict, data]. */
export function pdfFromObjects(objects: (string | [string, string])[]): Uint8Array {
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'))
    const body = typeof object === 'string' ? object : `<< ${object[0]} /Length ${Buffer.byteLength(object[1], 'latin1')} >>\nstream\n${object[1]}\nendstream`
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new Uint8Array(Buffer.from(out, 'latin1'))
}

const ucs2Hex = (text: string) => [...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('')

/**
 * A Japanese letter in a CID font that is not embedded, shown through the predefined CMap
 * UniJIS-UCS2-H (or -V, vertical writing): pdf.js can read it only with the CMaps it ships.
 */
export function cjkPdf(lines: string[], vertical = false): Uint8Array {
  const encoding = vertical ? 'UniJIS-UCS2-V' : 'UniJIS-UCS2-H'
  // Horizontal lines go down the page; vertical columns go right to left.
  const shows = lines.map((line, i) => (vertical ? `1 0 0 1 ${520 - i * 20} 780 Tm <${ucs2Hex(line)}> Tj` : `1 0 0 1 72 ${770 - i * 20} Tm <${ucs2Hex(line)}> Tj`))
  return pdfFromObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    `<< /Type /Font /Subtype /Type0 /BaseFont /KozMinPr6N-Regular /Encoding /${encoding} /DescendantFonts [6 0 R] >>`,
    ['', `BT /F1 14 Tf ${shows.join(' ')} ET`],
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /KozMinPr6N-Regular /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /KozMinPr6N-Regular /Flags 6 /FontBBox [-437 -340 1147 1317] /ItalicAngle 0 /Ascent 1317 /Descent -349 /CapHeight 742 /StemV 80 >>',
  ])
}

/**
 * A PDF that draws the right letters (Helvetica, WinAnsi) but whose ToUnicode map says they are
 * other characters, as fonts with custom encodings do: "shifted" maps each letter three places on
 * ("Dear" reads "Ghdu"), "private" maps every letter into the private-use area.
 */
export function garbledPdf(pages: string[][], kind: 'shifted' | 'private'): Uint8Array {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
  const target = (c: string, i: number) => (kind === 'private' ? 0xe000 + i : (i < 26 ? 65 : 97) + ((i % 26) + 3) % 26)
  const entries = [...letters].map((c, i) => `<${c.charCodeAt(0).toString(16)}> <${target(c, i).toString(16).padStart(4, '0')}>`)
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Garbled-UCS def /CMapType 2 def',
    '1 begincodespacerange <00> <FF> endcodespacerange',
    `${entries.length} beginbfchar`,
    ...entries,
    'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n')
  const pageIds = pages.map((_, i) => 5 + i * 2)
  const objects: (string | [string, string])[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 4 0 R >>',
    ['', cmap],
  ]
  for (const [i, lines] of pages.entries()) {
    const escape = (line: string) => line.replace(/[\\()]/g, (c) => `\\${c}`)
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`)
    objects.push(['', `BT /F1 14 Tf 18 TL 60 780 Td ${lines.map((line) => `(${escape(line)}) Tj T*`).join(' ')} ET`])
  }
  return pdfFromObjects(objects)
}

const utf16 = (text: string) => Buffer.from(text, 'utf16le')

/** An Office file encrypted with a password (ECMA-376 agile encryption), or rights-managed (IRM). */
export function encryptedOfficeFile(kind: 'password' | 'rights-managed'): Uint8Array {
  const cfb = CFB.utils.cfb_new()
  const random = Buffer.alloc(8192, 0x5a)
  for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) & 0xff
  CFB.utils.cfb_add(cfb, '/EncryptedPackage', random)
  if (kind === 'password') {
    CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>')]))
    CFB.utils.cfb_add(cfb, '/\u0006DataSpaces/DataSpaceMap', Buffer.concat([Buffer.alloc(16), utf16('EncryptedPackage'), utf16('StrongEncryptionDataSpace')]))
    CFB.utils.cfb_add(cfb, '/\u0006DataSpaces/TransformInfo/StrongEncryptionTransform/\u0006Primary', Buffer.concat([Buffer.alloc(12), utf16('{FF9A3F03-56EF-4613-BDD5-5A41C1D07246}')]))
  } else {
    CFB.utils.cfb_add(cfb, '/\u0006DataSpaces/DataSpaceMap', Buffer.concat([Buffer.alloc(16), utf16('EncryptedPackage'), utf16('DRMEncryptedDataSpace')]))
    CFB.utils.cfb_add(cfb, '/\u0006DataSpaces/TransformInfo/DRMEncryptedTransform/\u0006Primary', Buffer.concat([Buffer.alloc(12), utf16('{C73DFACD-061F-43B0-8B64-0C620D2A8B50}')]))
  }
  return new Uint8Array(CFB.write(cfb, { type: 'buffer' }) as Buffer)
}

/**
 * A Word binary file with the given file information block: Word 97–2003 ("97") or Word 6/95
 * ("6"), and with the "encrypted" flag set as Word sets it for a password-protected document.
 */
export function wordBinaryFile(version: '97' | '6', encrypted: boolean): Uint8Array {
  const fib = Buffer.alloc(4096)
  fib.writeUInt16LE(version === '97' ? 0xa5ec : 0xa5dc, 0) // wIdent
  fib.writeUInt16LE(version === '97' ? 0xc1 : 0x65, 2) // nFib: 193 for Word 97+, 101 for Word 6
  fib.writeUInt16LE((encrypted ? 0x0100 : 0) | 0x0200, 0x0a) // fEncrypted, fWhichTblStm
  const cfb = CFB.utils.cfb_new()
  CFB.utils.cfb_add(cfb, '/WordDocument', fib)
  CFB.utils.cfb_add(cfb, '/1Table', Buffer.alloc(4096))
  return new Uint8Array(CFB.write(cfb, { type: 'buffer' }) as Buffer)
}

/** The first part of a file, as a download or copy that stopped part-way leaves it. */
export const cutShort = (bytes: Uint8Array, share: number) => bytes.slice(0, Math.floor(bytes.length * share))

/** An OpenDocument text saved with a password: its content.xml is encrypted, as the manifest says. */
export async function encryptedOdt(): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' })
  const scrambled = new Uint8Array(4000).map((_, i) => (i * 2654435761) >>> 24)
  zip.file('content.xml', scrambled, { compression: 'STORE' })
  zip.file(
    'META-INF/manifest.xml',
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">' +
      '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>' +
      '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="12000"><manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAA">' +
      '<manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="AAAA"/><manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="32" manifest:iteration-count="100000" manifest:salt="AAAA"/>' +
      '</manifest:encryption-data></manifest:file-entry></manifest:manifest>',
  )
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

/** Word 2003 XML (WordprocessingML), as Word 2003's "Save as XML" writes it. */
export function wordprocessingMl2003(paragraphs: string[]): Uint8Array {
  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const body = paragraphs.map((p) => `<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:rPr><w:lang w:val="EN-GB"/></w:rPr><w:t>${escape(p)}</w:t></w:r></w:p>`).join('\n')
  return new TextEncoder().encode(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n' +
      '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint" w:macrosPresent="no" w:embeddedObjPresent="no" xml:space="preserve">' +
      '<o:DocumentProperties xmlns:o="urn:schemas-microsoft-com:office:office"><o:Author>Clerk</o:Author></o:DocumentProperties>' +
      `<w:body><wx:sect>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></wx:sect></w:body></w:wordDocument>`,
  )
}

/** HTML as mail programs and "Save as web page" write it: BOM, XML prolog, conditional comments. */
export function htmlWithPreamble(bodyHtml: string): Uint8Array {
  const comment = `<!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif]-->\n`
  const styles = `<!-- ${'p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;}\n'.repeat(60)} -->\n`
  return new TextEncoder().encode(`\uFEFF<?xml version="1.0" encoding="utf-8"?>\n\n   \n${comment}${styles}\n\n<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"></head><body>${bodyHtml}</body></html>`)
}

/**
 * A multi-page TIFF whose pages are JPEG-compressed (compression 7: each strip one whole JPEG
 * stream), as scanners and fax software write them. Pages are grey (1 component) JPEGs.
 */
export function jpegTiff(pages: { jpeg: Uint8Array; width: number; height: number }[]): Uint8Array {
  const chunks: Buffer[] = [Buffer.from([0x49, 0x49, 0x2a, 0x00, 0, 0, 0, 0])]
  let length = 8
  let previousNext = 4 // where the offset of the next IFD is written
  const entries = (page: (typeof pages)[number], stripOffset: number) => [
    [256, 4, page.width],
    [257, 4, page.height],
    [258, 3, 8],
    [259, 3, 7], // compression: JPEG
    [262, 3, 1], // photometric: BlackIsZero
    [273, 4, stripOffset],
    [277, 3, 1],
    [278, 4, page.height],
    [279, 4, page.jpeg.length],
  ]
  const links: [number, number][] = []
  for (const page of pages) {
    const stripOffset = length
    chunks.push(Buffer.from(page.jpeg))
    length += page.jpeg.length
    if (length % 2) {
      chunks.push(Buffer.alloc(1))
      length++
    }
    const list = entries(page, stripOffset)
    const ifd = Buffer.alloc(2 + list.length * 12 + 4)
    ifd.writeUInt16LE(list.length, 0)
    list.forEach(([tag, type, value], i) => {
      ifd.writeUInt16LE(tag!, 2 + i * 12)
      ifd.writeUInt16LE(type!, 4 + i * 12)
      ifd.writeUInt32LE(1, 6 + i * 12)
      if (type === 3) ifd.writeUInt16LE(value!, 10 + i * 12)
      else ifd.writeUInt32LE(value!, 10 + i * 12)
    })
    // The header (or the previous IFD) points at this one; the last IFD's "next" stays 0.
    links.push([previousNext, length])
    previousNext = length + 2 + list.length * 12
    chunks.push(ifd)
    length += ifd.length
  }
  const out = Buffer.concat(chunks)
  for (const [at, value] of links) out.writeUInt32LE(value, at)
  return new Uint8Array(out)
}

/**
 * A picture with no writing in it: smooth shapes and grain, like a photograph of a room. OCR of
 * such a picture gives a few characters of noise, never words.
 */
export function photographWithoutText(width = 900, height = 650): Uint8Array {
  return encodeGreyPng(photographPixels(width, height), width, height)
}

/** The grey pixels (one byte each, row by row) of photographWithoutText's picture. */
export function photographPixels(width: number, height: number): Uint8Array {
  const grey = new Uint8Array(width * height)
  let seed = 12345
  const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const light = 120 + 60 * Math.sin(x / 90) * Math.cos(y / 70) + 40 * Math.sin((x + y) / 33)
      grey[y * width + x] = Math.max(0, Math.min(255, Math.round(light + (random() - 0.5) * 50)))
    }
  }
  return grey
}

/**
 * A PDF of one page (A4 unless given in points) that is only a photograph with no writing in it,
 * as "print to PDF" of a photograph writes it: raw grey pixels (FlateDecode) over the whole page.
 */
export function photographPdf(width = 900, height = 650, [pageWidth, pageHeight] = [595, 842]): Uint8Array {
  const data = deflateSync(Buffer.from(photographPixels(width, height))).toString('latin1')
  return pdfFromObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageWidth} ${pageHeight}] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>`,
    [`/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, data],
    ['', `q ${pageWidth} 0 0 ${pageHeight} 0 0 cm /Im1 Do Q`],
  ])
}

/** A typed page scanned in grey to a JPEG (what a scanner puts in each TIFF page). Needs pdftoppm. */
export function greyScanJpeg(lines: string[], dpi = 150): { jpeg: Uint8Array; width: number; height: number } | null {
  if (!HAS_PDFTOPPM) return null
  const dir = mkdtempSync(join(tmpdir(), 'pd-grey-'))
  try {
    writeFileSync(join(dir, 'in.pdf'), minimalPdf([lines]))
    spawnSync('pdftoppm', ['-r', String(dpi), '-gray', '-jpeg', '-singlefile', join(dir, 'in.pdf'), join(dir, 'page')], { timeout: 60_000 })
    const jpeg = new Uint8Array(readFileSync(join(dir, 'page.jpg')))
    // The frame header (SOF0–SOF2) holds the size.
    for (let i = 2; i + 9 < jpeg.length; i += 2 + ((jpeg[i + 2]! << 8) | jpeg[i + 3]!)) {
      if (jpeg[i + 1]! >= 0xc0 && jpeg[i + 1]! <= 0xc2) return { jpeg, height: (jpeg[i + 5]! << 8) | jpeg[i + 6]!, width: (jpeg[i + 7]! << 8) | jpeg[i + 8]! }
    }
    throw new Error('pdftoppm wrote a JPEG without a frame header')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
