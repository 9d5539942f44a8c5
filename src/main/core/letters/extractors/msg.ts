// Outlook messages (.msg) through msgreader. Older messages store text in a legacy code page
// (windows-1251, Shift-JIS…): the message says which, and it is read again in that code page.
// An attached message comes back from msgreader as a .msg of its own and is imported as one.
import MsgReader, { type FieldsData } from '@kenjiuno/msgreader'
import iconv from 'iconv-lite'
import { AppError } from '../../../../shared/api/errors'
import { sortAttachments, type RawAttachment } from './attachments'
import { emailText, headerDate } from './email-text'
import { htmlToPlainText } from './html'
import type { EmailHeaders, Extraction } from './types'

const UNICODE_CODE_PAGES = new Set([1200, 1201, 65001])

export function extractMsg(bytes: Uint8Array, fileName: string): Extraction {
  try {
    let reader = open(bytes, null)
    let fields = reader.getFileData()
    const codePage = fields.messageCodepage ?? fields.internetCodepage
    if (codePage && !UNICODE_CODE_PAGES.has(codePage) && codePage !== 1252 && iconv.encodingExists(`cp${codePage}`)) {
      reader = open(bytes, `cp${codePage}`)
      fields = reader.getFileData()
    }
    if (fields.error) throw new Error(fields.error)
    return toExtraction(reader, fields, codePage ?? null)
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError('unsupported_file', `${fileName} looks like an Outlook message (.msg) but could not be read; it may be damaged. Save it from Outlook again and import it again.`)
  }
}

function open(bytes: Uint8Array, ansiEncoding: string | null): MsgReader {
  const copy = bytes.slice() // msgreader reads through a DataView of its own buffer
  const reader = new MsgReader(copy.buffer)
  if (ansiEncoding) reader.parserConfig = { ansiEncoding }
  return reader
}

function toExtraction(reader: MsgReader, fields: FieldsData, codePage: number | null): Extraction {
  const recipients = fields.recipients ?? []
  const to = recipients.filter((r) => (r.recipType ?? 'to') === 'to').map((r) => ({ name: r.name ?? '', address: r.smtpAddress ?? r.email ?? '' }))
  const transportDate = /^date:\s*(.+)$/im.exec(fields.headers ?? '')?.[1]?.trim() ?? null
  const rawDate = transportDate ?? fields.clientSubmitTime ?? fields.messageDeliveryTime ?? fields.creationTime ?? null
  const fromAddress = fields.senderSmtpAddress ?? (fields.senderEmail?.includes('@') ? fields.senderEmail : '') ?? ''
  const headers: EmailHeaders = {
    from: fields.senderName || fromAddress ? { name: fields.senderName ?? '', address: fromAddress } : null,
    to,
    date: headerDate(rawDate),
    subject: fields.subject?.trim() || null,
  }
  const body = fields.body?.trim() ? fields.body : htmlToPlainText(htmlBody(fields, codePage))
  const raw: RawAttachment[] = (fields.attachments ?? []).map((attachment) => {
    const data = reader.getAttachment(attachment)
    return {
      name: data.fileName || attachment.fileName || attachment.name || (attachment.innerMsgContent ? `${attachment.innerMsgContentFields?.subject?.trim() || 'attached message'}.msg` : null),
      bytes: data.content,
      inline: Boolean(attachment.attachmentHidden) || Boolean(attachment.pidContentId && !attachment.innerMsgContent),
    }
  })
  return { text: emailText(headers, rawDate, body), ocr: false, email: headers, heading: null, ...sortAttachments(raw) }
}

function htmlBody(fields: FieldsData, codePage: number | null): string {
  if (fields.bodyHtml) return fields.bodyHtml
  if (!fields.html) return ''
  const encoding = codePage && iconv.encodingExists(`cp${codePage}`) ? `cp${codePage}` : 'utf-8'
  return iconv.decode(Buffer.from(fields.html), encoding)
}
