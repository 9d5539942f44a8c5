// E-mail saved as .eml (RFC 5322 / MIME) through postal-mime. Nesting is bounded, attached
// messages become attachments (and so letters of their own), and an HTML-only body is turned
// into text, never rendered.
import type { Address } from 'postal-mime'
import { AppError } from '../../../../shared/api/errors'
import { sortAttachments } from './attachments'
import { emailText, headerDate } from './email-text'
import { htmlToPlainText } from './html'
import { parseEmail, type ParsedEmail } from './undeclared-charset'
import { ENVELOPE_LINE } from '../sniff'
import type { EmailHeaders, Extraction, ExtractLimits, Mailbox } from './types'

export async function extractEml(bytes: Uint8Array, fileName: string, limits: ExtractLimits): Promise<Extraction> {
  let parsed: ParsedEmail
  try {
    parsed = await parseEmail(withoutMboxEnvelope(bytes), {
      maxNestingDepth: limits.mimeMaxDepth,
      maxRfc822NestingDepth: 0,
      forceRfc822Attachments: true,
      attachmentEncoding: 'arraybuffer',
    })
  } catch (error) {
    const deep = /nesting|depth/i.test((error as Error).message ?? '')
    throw new AppError(
      'unsupported_file',
      deep
        ? `${fileName} is an e-mail whose parts are nested more than ${limits.mimeMaxDepth} levels deep, which real mail never is; it was refused for safety.`
        : `${fileName} looks like an e-mail but could not be read; it may be damaged or truncated.`,
    )
  }
  const { email, guess: encodingGuess } = parsed
  const rawDate = email.headers.find((header) => header.key === 'date')?.value ?? null
  const headers: EmailHeaders = {
    from: mailbox(email.from),
    to: (email.to ?? []).flatMap((address) => (address.group ? address.group : [address])).map((box) => ({ name: box.name, address: box.address ?? '' })),
    date: headerDate(rawDate),
    subject: email.subject?.trim() || null,
  }
  const body = email.text?.trim() ? email.text : email.html ? htmlToPlainText(email.html) : ''
  const attachments = sortAttachments(
    email.attachments.map((attachment) => ({
      name: attachment.filename ?? (attachment.mimeType === 'message/rfc822' ? `${attachedSubject(attachment.content) || 'attached message'}.eml` : null),
      bytes: toBytes(attachment.content),
      inline: attachment.disposition === 'inline' || Boolean(attachment.related) || Boolean(attachment.contentId && attachment.disposition !== 'attachment'),
      // A forwarded message is an e-mail whatever headers it kept: it is read as one.
      format: attachment.mimeType === 'message/rfc822' ? ('eml' as const) : undefined,
    })),
  )
  return { text: emailText(headers, rawDate, body), ocr: false, email: headers, heading: null, encodingGuess, ...attachments }
}

/**
 * A message saved from an mbox: without its envelope line ("From jo@example.org Tue May 10 …"),
 * which is not a header, and with the body lines the mailbox had to quote (">From ") unquoted.
 * The bytes are read as Latin-1, which gives every byte back unchanged.
 */
function withoutMboxEnvelope(bytes: Uint8Array): Uint8Array {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1')
  const envelope = ENVELOPE_LINE.exec(head)
  if (!envelope) return bytes
  const rest = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1').slice(envelope[0].length)
  return new Uint8Array(Buffer.from(rest.replace(/^>(>*From )/gm, '$1'), 'latin1'))
}

function mailbox(address: Address | undefined): Mailbox | null {
  if (!address) return null
  const box = address.group ? address.group[0] : address
  return box ? { name: box.name ?? '', address: box.address ?? '' } : null
}

/** The Subject of an attached message, for its display name (its own header, undecoded). */
function attachedSubject(content: ArrayBuffer | Uint8Array | string): string {
  const head = Buffer.from(toBytes(content).subarray(0, 16384)).toString('latin1')
  return /^Subject:[ \t]*([^\r\n]{1,120})/im.exec(head.split(/\r?\n\r?\n/, 1)[0] ?? '')?.[1]?.trim().replace(/[^\x20-\x7e]/g, '') ?? ''
}

function toBytes(content: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content)
  return content instanceof Uint8Array ? content : new Uint8Array(content)
}
