// A mailbox file (.mbox: Thunderbird, Apple Mail, Google Takeout) holds many messages, each
// starting with an envelope line ("From jo@example.org Tue May 10 09:14:00 2022"). Each message
// becomes a letter of its own, and its original is its own bytes, cut from the mailbox unchanged
// (envelope line included): the mailbox's bytes are every message's bytes end to end.
import { AppError } from '../../../shared/api/errors'
import { ENVELOPE_LINE } from './sniff'

/** More messages than any secretariat's export of one correspondence; a bound on one file's work. */
export const MAX_MAILBOX_MESSAGES = 5000
/** No envelope line is longer; a longer line is not one. */
const ENVELOPE_MAX_CHARS = 700

/**
 * The messages of a mailbox holding two or more, or null for any other file (a single saved
 * message is an ordinary e-mail). Each candidate line is read once, so the pass is linear.
 */
export function splitMailbox(bytes: Uint8Array, fileName: string): Uint8Array[] | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (!isEnvelope(buffer, 0)) return null
  const starts = [0]
  for (let at = buffer.indexOf('\nFrom ', 0, 'latin1'); at >= 0; at = buffer.indexOf('\nFrom ', at + 1, 'latin1')) {
    if (!isEnvelope(buffer, at + 1)) continue
    starts.push(at + 1)
    if (starts.length > MAX_MAILBOX_MESSAGES) {
      throw new AppError('unsupported_file', `${fileName} is a mailbox of more than ${MAX_MAILBOX_MESSAGES} messages; split it into smaller mailboxes (or save the messages you need) and import those.`)
    }
  }
  if (starts.length < 2) return null
  return starts.map((start, index) => bytes.subarray(start, starts[index + 1] ?? bytes.byteLength))
}

function isEnvelope(buffer: Buffer, start: number): boolean {
  const end = buffer.indexOf(0x0a, start)
  if (end < 0 || end - start > ENVELOPE_MAX_CHARS) return false
  return ENVELOPE_LINE.test(buffer.toString('latin1', start, end + 1))
}
