// Decides what a file really is from its bytes, not its name: a .docx renamed .txt is still Word.
import { AppError } from '../../../shared/api/errors'
import type { LetterFormat } from '../../../shared/domain/dto'

const ZIP = [0x50, 0x4b, 0x03, 0x04]
const PDF = [0x25, 0x50, 0x44, 0x46] // %PDF
const OLE = [0xd0, 0xcf, 0x11, 0xe0] // .doc / .msg
const RTF = [0x7b, 0x5c, 0x72, 0x74] // {\rt

export function sniffFormat(bytes: Uint8Array, fileName: string): LetterFormat {
  if (bytes.length === 0) throw new AppError('unsupported_file', `${fileName} is empty (0 bytes); there is nothing to import.`)
  if (startsWith(bytes, ZIP)) {
    if (containsAscii(bytes, 'word/document.xml')) return 'docx'
    throw new AppError('unsupported_file', `${fileName} is a ZIP archive but not a Word document; only .docx and text letters can be imported so far.`)
  }
  if (startsWith(bytes, PDF)) throw unsupported(fileName, 'a PDF')
  if (startsWith(bytes, OLE)) throw unsupported(fileName, 'an older Office file (.doc or .msg)')
  if (startsWith(bytes, RTF)) throw unsupported(fileName, 'an RTF document')
  if (looksLikeText(bytes)) return 'txt'
  throw new AppError('unsupported_file', `${fileName} is not a format Progress Desk can read (it is neither text nor a Word document).`)
}

function unsupported(fileName: string, what: string) {
  return new AppError('unsupported_file', `${fileName} is ${what}, which this version cannot import yet. Save it as .docx or .txt and import it again.`)
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((value, index) => bytes[index] === value)
}

/** The ZIP central directory stores entry names in plain ASCII, so a byte search finds them. */
function containsAscii(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle, 0, 'latin1')
}

/** Text if it has a UTF-16 BOM, or no NUL bytes and few control characters in its first 8 KiB. */
function looksLikeText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true
  const sample = bytes.subarray(0, 8192)
  let controls = 0
  for (const byte of sample) {
    if (byte === 0) return false
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++
  }
  return controls <= sample.length / 100
}
