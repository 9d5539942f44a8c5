// Decides what a file really is from its bytes, not its name: a .docx renamed .txt is still Word,
// and an e-mail saved as "letter.pdf" is still an e-mail.
import { AppError } from '../../../shared/api/errors'
import type { LetterFormat } from '../../../shared/domain/dto'
import { decodeText } from './decode-text'
import { compoundFileProtection, cutShort, passwordProtected, rightsManaged } from './refusal-reasons'

const ZIP = [0x50, 0x4b, 0x03, 0x04]
const PDF = [0x25, 0x50, 0x44, 0x46] // %PDF
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] // compound file: .doc or .msg
const RTF = [0x7b, 0x5c, 0x72, 0x74, 0x66] // {\rtf
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const JPEG = [0xff, 0xd8, 0xff]
const TIFF_LE = [0x49, 0x49, 0x2a, 0x00]
const TIFF_BE = [0x4d, 0x4d, 0x00, 0x2a]

/** Headers only a mail program writes; a typed letter with "From:" and "Subject:" lines has none. */
const MAIL_HEADERS = /^(mime-version|content-type|content-transfer-encoding|received|return-path|message-id|delivered-to|dkim-signature|x-mailer|in-reply-to|references)$/i

export function sniffFormat(bytes: Uint8Array, fileName: string): LetterFormat {
  if (bytes.length === 0) throw new AppError('unsupported_file', `${fileName} is empty (0 bytes); there is nothing to import.`)
  if (startsWith(bytes, ZIP)) return sniffZip(bytes, fileName)
  // A PDF may have a little junk before its header; readers accept it within the first 1 KiB.
  if (startsWith(bytes, PDF) || indexOfAscii(bytes.subarray(0, 1024), '%PDF-') >= 0) return 'pdf'
  if (startsWith(bytes, OLE)) return sniffCompoundFile(bytes, fileName)
  if (startsWith(bytes, RTF)) return 'rtf'
  if (startsWith(bytes, PNG)) return 'png'
  if (startsWith(bytes, JPEG)) return 'jpeg'
  if (startsWith(bytes, TIFF_LE) || startsWith(bytes, TIFF_BE)) return 'tiff'
  if (looksLikeText(bytes)) {
    const head = decodeText(bytes.subarray(0, 16384))
    // Word 2003 XML is a Word 97–2003 document saved as XML; its reader is chosen by its bytes.
    if (isWordXml(head)) return 'doc'
    if (looksLikeEmail(head) && !quotesEmailInHtml(head)) return 'eml'
    if (looksLikeHtml(head)) return 'html'
    return 'txt'
  }
  throw new AppError('unsupported_file', `${fileName} is not a format Progress Desk can read (it is not a letter document, e-mail, PDF, picture or text).`)
}

function sniffZip(bytes: Uint8Array, fileName: string): LetterFormat {
  // A ZIP ends with its directory; without that end record the file was cut short. Each part's
  // name also stands before its data, so what kind of document it was can still be told.
  if (!hasZipEnd(bytes)) {
    const kind = indexOfAscii(bytes, 'word/') >= 0 ? 'a Word document (.docx)' : indexOfAscii(bytes.subarray(0, 200), 'application/vnd.oasis.opendocument') >= 0 ? 'an OpenDocument file' : 'a ZIP archive'
    throw cutShort(fileName, kind)
  }
  // The ZIP central directory stores entry names in plain ASCII, so a byte search finds them.
  if (indexOfAscii(bytes, 'word/document.xml') >= 0) return 'docx'
  if (indexOfAscii(bytes, 'word/document2.xml') >= 0) return 'docx'
  // ODF puts an uncompressed "mimetype" entry first; its content names the kind of document.
  if (indexOfAscii(bytes.subarray(0, 200), 'application/vnd.oasis.opendocument.text') >= 0) return 'odt'
  throw new AppError('unsupported_file', `${fileName} is a ZIP archive but not a Word or OpenDocument text document, so it cannot be imported as a letter.`)
}

/** Compound files hold named streams; the names are stored in UTF-16LE in the directory. */
function sniffCompoundFile(bytes: Uint8Array, fileName: string): LetterFormat {
  if (indexOfUtf16(bytes, '__substg1.0_') >= 0) return 'msg'
  // An encrypted .docx (or any OOXML file) is stored inside a compound file as EncryptedPackage.
  const protection = compoundFileProtection(bytes)
  if (protection === 'rights-managed') throw rightsManaged(fileName)
  if (protection === 'password') throw passwordProtected(fileName)
  if (indexOfUtf16(bytes, 'WordDocument') >= 0) return 'doc'
  throw new AppError('unsupported_file', `${fileName} is an older Office file but neither a Word document (.doc) nor an Outlook message (.msg); save it as .docx or PDF and import it again.`)
}

function looksLikeEmail(head: string): boolean {
  const block = withoutEnvelope(head.replace(/^\uFEFF/, '')).split(/\r?\n\r?\n/, 1)[0] ?? ''
  const lines = block.split(/\r?\n/)
  const names: string[] = []
  for (const line of lines) {
    if (/^[ \t]/.test(line) && names.length > 0) continue // a folded header continues
    const match = /^([!-9;-~]+):/.exec(line)
    if (!match?.[1]) return false
    names.push(match[1].toLowerCase())
  }
  const has = (name: string) => names.includes(name)
  return names.some((name) => MAIL_HEADERS.test(name)) || (has('from') && has('to') && has('date'))
}

/** Where the first element starts, past a BOM, white space, comments, processing instructions and a DOCTYPE. */
export function afterPreamble(head: string): number {
  let at = head.charCodeAt(0) === 0xfeff ? 1 : 0
  for (;;) {
    while (at < head.length && /\s/.test(head[at]!)) at++
    const close = head.startsWith('<!--', at) ? '-->' : head.startsWith('<?', at) ? '?>' : /^<!doctype\s/i.test(head.slice(at, at + 10)) ? '>' : null
    if (!close) return at
    const end = head.indexOf(close, at + 2)
    if (end < 0) return head.length
    at = end + close.length
  }
}

/**
 * The mbox envelope line a mail program writes before a message it saves ("From jo@example.org
 * Tue May 10 09:14:00 2022"): the sender and a date with a time and a year. It is not a header.
 */
export const ENVELOPE_LINE = /^From [^\s:]{1,320} [^\r\n]{0,120}?\d{1,2}:\d{2}[^\r\n]{0,80}?\b\d{4}\b[^\r\n]{0,80}\r?\n/

export function withoutEnvelope(head: string): string {
  const envelope = ENVELOPE_LINE.exec(head.slice(0, 1024))
  return envelope ? head.slice(envelope[0].length) : head
}

function looksLikeHtml(head: string): boolean {
  const lower = head.toLowerCase()
  if (/^\s*(\ufeff\s*)?<!doctype html/.test(lower.slice(0, 64))) return true
  const start = lower.slice(afterPreamble(lower), afterPreamble(lower) + 2048)
  if (/^<html[\s>]/.test(start)) return true
  // Fragments saved from a browser or a mail program: an HTML tag first, and a body or paragraph.
  if (/^<(meta|head|body|div|p|table|span|font|style|title)[\s>]/.test(start) && /<(body|p|div|br|table)[\s>/]/.test(start)) return true
  // Text that starts as text but is marked up throughout (a quoted e-mail pasted as HTML).
  return htmlTagCount(lower) >= 3
}

/** Tags that mark up text; "<a@b.org>" and "<Jo Bloggs>" are not among them. */
const MARKUP_TAG = /<\/?(br|p|div|span|font|b|i|u|strong|em|table|tr|td|blockquote|html|body|a)(\s[^<>]*)?\/?>/g

function htmlTagCount(head: string): number {
  let count = 0
  for (const _ of head.matchAll(MARKUP_TAG)) if (++count >= 3) break
  return count
}

/** Header lines ending in markup ("Subject: An exciting subject<br>") belong to HTML quoting an e-mail. */
function quotesEmailInHtml(head: string): boolean {
  const block = head.split(/\r?\n\r?\n/, 1)[0] ?? ''
  return htmlTagCount(block.toLowerCase()) >= 1
}

/** Word 2003 XML (WordprocessingML) or Word's flat XML: Word says so in a processing instruction or the root element. */
function isWordXml(head: string): boolean {
  if (!head.replace(/^\uFEFF/, '').trimStart().startsWith('<?xml')) return false
  return /<\?mso-application\s+progid="Word\.Document"\s*\?>/.test(head.slice(0, 4096)) || /^<w:wordDocument[\s>]/.test(head.slice(afterPreamble(head)))
}

/** The end-of-central-directory record, in the last 64 KiB + 22 bytes (its comment may be that long). */
function hasZipEnd(bytes: Uint8Array): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 65_557))
  return indexOfAscii(tail, 'PK\x05\x06') >= 0
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((value, index) => bytes[index] === value)
}

function indexOfAscii(bytes: Uint8Array, needle: string): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle, 0, 'latin1')
}

function indexOfUtf16(bytes: Uint8Array, needle: string): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(Buffer.from(needle, 'utf16le'))
}

/** Text if it has a UTF-16 BOM, or no NUL bytes and few control characters in its first 8 KiB. */
function looksLikeText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return true // UTF-32 BE
  const sample = bytes.subarray(0, 8192)
  let controls = 0
  for (const byte of sample) {
    if (byte === 0) return false
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++
  }
  return controls <= sample.length / 100
}
