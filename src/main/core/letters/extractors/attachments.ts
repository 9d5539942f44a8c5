// Which files inside an e-mail are letters in their own right (a signed reply as PDF, a Word
// response, a forwarded message) and which are only listed (logos, invitations, spreadsheets).
// The decision is made from the bytes; the name is display text only and never a path.
import type { LetterFormat } from '../../../../shared/domain/dto'
import { cleanDisplayName } from '../../files/file-names'
import { sniffFormat } from '../sniff'
import type { AttachedFile, Extraction } from './types'

/** Pictures smaller than this are logos and signatures, not scanned letters. */
const MIN_LETTER_IMAGE_BYTES = 20 * 1024
const IMAGES: LetterFormat[] = ['png', 'jpeg', 'tiff']

export interface RawAttachment {
  name: string | null
  bytes: Uint8Array
  /** Shown inside the message body (inline picture) rather than attached. */
  inline: boolean
  /** What the message says the part is, when that settles it (a message/rfc822 part is an e-mail). */
  format?: LetterFormat
}

export function sortAttachments(attachments: RawAttachment[]): Pick<Extraction, 'letters' | 'listed'> {
  const letters: AttachedFile[] = []
  const listed: string[] = []
  for (const [index, attachment] of attachments.entries()) {
    const name = displayName(attachment.name, index)
    if (attachment.format) letters.push({ name, bytes: attachment.bytes, format: attachment.format })
    else if (isLetter(attachment, name)) letters.push({ name, bytes: attachment.bytes })
    else listed.push(name)
  }
  return { letters, listed }
}

function isLetter(attachment: RawAttachment, name: string): boolean {
  let format: LetterFormat
  try {
    format = sniffFormat(attachment.bytes, name)
  } catch {
    return false
  }
  if (IMAGES.includes(format)) return !attachment.inline && attachment.bytes.length >= MIN_LETTER_IMAGE_BYTES
  // Text parts are letters only when someone attached them as files (not invitations or reports).
  if (format === 'txt') return /\.(txt|md|text)$/i.test(name)
  if (format === 'html') return /\.html?$/i.test(name) && !attachment.inline
  return true
}

/** A printable file name: no folders, no invisible characters, never empty, at most 255 characters. */
export function displayName(name: string | null | undefined, index: number): string {
  return cleanDisplayName(name, `attachment ${index + 1}`)
}
