// File names from senders are display text, and hostile display text at that: a right-to-left
// override turns "reply-\u202Efdp.bat" into what looks like "reply-tab.pdf", and control
// characters can forge lines in a report. Every name that enters or leaves the core passes
// through cleanDisplayName; a name written to disk is made by originalFileName, whose extension
// comes from the bytes, never from the sender.
import type { LetterFormat } from '../../../shared/domain/dto'

/**
 * Control characters (Cc), format characters (Cf: bidirectional controls U+202A–U+202E and
 * U+2066–U+2069, zero-width joiners, soft hyphens, byte-order marks…), line and paragraph
 * separators and lone surrogates. One pass over the name, no backtracking.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu

/** The name's last part only (never a folder), without invisible characters; `fallback` if empty. */
export function cleanDisplayName(name: string | null | undefined, fallback: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? ''
  const cleaned = base.replace(INVISIBLE, '').trim()
  return (cleaned || fallback).slice(0, 255)
}

/** Each format's own extension: what the operating system will open the file with. */
const EXTENSION: Record<LetterFormat, string> = {
  txt: 'txt',
  docx: 'docx',
  doc: 'doc',
  odt: 'odt',
  rtf: 'rtf',
  html: 'html',
  pdf: 'pdf',
  eml: 'eml',
  msg: 'msg',
  png: 'png',
  jpeg: 'jpg',
  tiff: 'tif',
}

/** Names Windows reserves for devices, whatever the extension. */
const DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)$/i

/**
 * The name an original is written under: the sender's name without its own extension, without
 * characters file systems refuse or that disguise it, and with the extension of the format its
 * bytes were found to be. A PDF is always written as .pdf, however it was named.
 */
export function originalFileName(storedName: string, format: LetterFormat): string {
  const extension = EXTENSION[format] ?? 'txt'
  const display = cleanDisplayName(storedName, 'letter')
  const dot = display.lastIndexOf('.')
  const stem = (dot > 0 ? display.slice(0, dot) : display)
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120)
  const safeStem = !stem ? 'letter' : DEVICE.test(stem) ? `_${stem}` : stem
  return `${safeStem}.${extension}`
}
