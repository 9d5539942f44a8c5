// Builds letter files of every format for tests, from strings: hand-written PDF bytes, ODT and
// DOCX zips, RFC 822 e-mails, RTF; and, where LibreOffice and poppler are installed, .doc files,
// PDF prints and scanned-page pictures made from them.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import JSZip from 'jszip'

export const hasTool = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0
export const HAS_SOFFICE = hasTool('soffice')
export const HAS_PDFTOPPM = hasTool('pdftoppm')

/**
 * A valid one-font PDF with one page per entry, each line drawn in 12 pt Helvetica. With
 * `passwordProtected`, the file declares standard (RC4) encryption whose user-password check fails
 * for the empty password, as a PDF that needs a password to open does.
 */
export function minimalPdf(pages: string[][], options: { passwordProtected?: boolean } = {}): Uint8Array {
  const objects: string[] = []
  const pageIds = pages.map((_, i) => 4 + i * 2)
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>'
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'
  pages.forEach((lines, i) => {
    // WinAnsi: curly quotes and dashes are octal escapes; the rest of Latin-1 is itself.
    const escape = (line: string) => line.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[‘’“”–—]/g, (c) => `\\${(0o221 + '‘’“”•–—'.indexOf(c)).toString(8)}`)
    const stream = `BT /F1 12 Tf 14 TL 72 770 Td ${lines.map((line) => `(${escape(line)}) Tj T*`).join(' ')} ET`
    objects[pageIds[i]!] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`
    objects[pageIds[i]! + 1] = `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`
  })
  const encryptId = objects.length
  if (options.passwordProtected) objects[encryptId] = `<< /Filter /Standard /V 1 /R 2 /P -4 /O <${'6f'.repeat(32)}> /U <${'75'.repeat(32)}> >>`
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1')
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`
  }
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`
  const encryption = options.passwordProtected ? ` /Encrypt ${encryptId} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]` : ''
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R${encryption} >>\nstartxref\n${xref}\n%%EOF\n`
  return new Uint8Array(Buffer.from(out, 'latin1'))
}

/**
 * A Word letter; `bold` paragraphs (by index) are wholly bold, as letterheads and headings are,
 * and `underlined` ones wholly underlined, as many subject lines are.
 */
export async function docxLetter(paragraphs: string[], bold: number[] = [], underlined: number[] = []): Promise<Uint8Array> {
  const run = (text: string, i: number) => new TextRun({ text, bold: bold.includes(i), ...(underlined.includes(i) ? { underline: {} } : {}) })
  const document = new Document({ sections: [{ children: paragraphs.map((text, i) => new Paragraph({ children: [run(text, i)] })) }] })
  return new Uint8Array(await Packer.toBuffer(document))
}

const ODF_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2"'

/**
 * An OpenDocument text file; a paragraph starting "xml:" is raw XML inside its <text:p>, one
 * starting "element:" a raw element in place of the <text:p>; `prolog` goes before the root
 * (hostile fixtures); `automaticStyles` are the style:style elements the paragraphs may name.
 */
export async function odtLetter(paragraphs: string[], prolog = '', automaticStyles = ''): Promise<Uint8Array> {
  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const body = paragraphs.map((p) => (p.startsWith('element:') ? p.slice(8) : `<text:p>${p.startsWith('xml:') ? p.slice(4) : escape(p)}</text:p>`)).join('')
  const zip = new JSZip()
  zip.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' })
  zip.file('content.xml', `<?xml version="1.0" encoding="UTF-8"?>${prolog}<office:document-content ${ODF_NS}>${automaticStyles ? `<office:automatic-styles>${automaticStyles}</office:automatic-styles>` : ''}<office:body><office:text>${body}</office:text></office:body></office:document-content>`)
  zip.file('META-INF/manifest.xml', '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/></manifest:manifest>')
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

/** Replaces word/document.xml in a .docx (for hostile fixtures). */
export async function withDocumentXml(docx: Uint8Array, xml: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx)
  zip.file('word/document.xml', xml)
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

export interface EmailParts {
  from: string
  to: string
  date: string
  subject: string
  text?: string
  html?: string
  attachments?: { name: string; type: string; bytes: Uint8Array; inline?: boolean }[]
}

/** An RFC 5322 message with a text or HTML body and base64 attachments. */
export function eml(parts: EmailParts): Uint8Array {
  const boundary = 'pd-boundary-42'
  const head = [`From: ${parts.from}`, `To: ${parts.to}`, `Date: ${parts.date}`, `Subject: ${parts.subject}`, 'Message-ID: <test@progress-desk.test>', 'MIME-Version: 1.0']
  const body = parts.html
    ? ['Content-Type: text/html; charset=utf-8', '', parts.html]
    : ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', parts.text ?? '']
  if (!parts.attachments?.length) return new TextEncoder().encode([...head, ...body, ''].join('\r\n'))
  const lines = [...head, `Content-Type: multipart/mixed; boundary="${boundary}"`, '', `--${boundary}`, ...body]
  for (const a of parts.attachments) {
    const base64 = Buffer.from(a.bytes).toString('base64').replace(/.{76}/g, '$&\r\n')
    lines.push(`--${boundary}`, `Content-Type: ${a.type}; name="${a.name}"`, `Content-Disposition: ${a.inline ? 'inline' : 'attachment'}; filename="${a.name}"`, 'Content-Transfer-Encoding: base64', '', base64)
  }
  lines.push(`--${boundary}--`, '')
  return new TextEncoder().encode(lines.join('\r\n'))
}

/** Converts a file with LibreOffice in a private profile (parallel runs must not share one). */
export function sofficeConvert(name: string, bytes: Uint8Array, to: string): Uint8Array | null {
  if (!HAS_SOFFICE) return null
  const dir = mkdtempSync(join(tmpdir(), 'pd-soffice-'))
  try {
    writeFileSync(join(dir, name), bytes)
    spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', to, '--outdir', dir, join(dir, name)], { timeout: 120_000, stdio: 'ignore' })
    const out = join(dir, name.replace(/\.[^.]+$/, '') + '.' + to.split(':')[0])
    return existsSync(out) ? new Uint8Array(readFileSync(out)) : null
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Renders page 1 of a PDF as a picture (png, jpeg or tiff) at a resolution: a "scanned" page. */
export function pdfToImage(pdf: Uint8Array, kind: 'png' | 'jpeg' | 'tiff', dpi = 150): Uint8Array | null {
  if (!HAS_PDFTOPPM) return null
  const dir = mkdtempSync(join(tmpdir(), 'pd-ppm-'))
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf)
    spawnSync('pdftoppm', ['-r', String(dpi), `-${kind}`, '-singlefile', '-f', '1', '-l', '1', join(dir, 'in.pdf'), join(dir, 'page')], { timeout: 60_000 })
    const out = join(dir, `page.${kind === 'jpeg' ? 'jpg' : kind === 'tiff' ? 'tif' : 'png'}`)
    return existsSync(out) ? new Uint8Array(readFileSync(out)) : null
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A PDF whose only page is a JPEG picture of text: what a scanner produces. Needs pdftoppm. */
export function scannedPdf(lines: string[]): Uint8Array | null {
  const jpeg = pdfToImage(minimalPdf([lines]), 'jpeg', 150)
  return jpeg ? imagePdf(jpeg) : null
}

/** Wraps JPEG bytes as the only content of an A4 page (DCTDecode: the JPEG is embedded as is). */
export function imagePdf(jpeg: Uint8Array): Uint8Array {
  const { width, height } = jpegSize(jpeg)
  const content = 'q 595 0 0 842 0 0 cm /Im1 Do Q'
  const parts: (string | Uint8Array)[] = []
  const offsets: number[] = []
  let length = 0
  const push = (part: string | Uint8Array) => {
    parts.push(part)
    length += typeof part === 'string' ? Buffer.byteLength(part, 'latin1') : part.length
  }
  push('%PDF-1.4\n')
  const objects: (string | [string, Uint8Array, string])[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
    [`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`, jpeg, '\nendstream'],
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ]
  objects.forEach((object, i) => {
    offsets.push(length)
    push(`${i + 1} 0 obj\n`)
    if (typeof object === 'string') push(object)
    else object.forEach(push)
    push('\nendobj\n')
  })
  const xref = length
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`)
  push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`)
  return new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p)))))
}

function jpegSize(jpeg: Uint8Array): { width: number; height: number } {
  for (let i = 2; i < jpeg.length - 9; ) {
    if (jpeg[i] !== 0xff) break
    const marker = jpeg[i + 1]!
    const size = (jpeg[i + 2]! << 8) | jpeg[i + 3]!
    if (marker >= 0xc0 && marker <= 0xc2) return { height: (jpeg[i + 5]! << 8) | jpeg[i + 6]!, width: (jpeg[i + 7]! << 8) | jpeg[i + 8]! }
    i += 2 + size
  }
  throw new Error('not a baseline JPEG')
}
