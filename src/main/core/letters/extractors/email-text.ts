// An e-mail becomes a letter whose text starts with its own headers, as a printed e-mail does,
// so that reading, search and near-duplicate checks treat an e-mail and its PDF print alike.
import { findDateInLine } from '../find-date'
import type { EmailHeaders, Mailbox } from './types'

export function formatMailbox(box: Mailbox): string {
  if (box.name && box.address) return `${box.name} <${box.address}>`
  return box.name || box.address
}

export function emailText(headers: EmailHeaders, rawDate: string | null, body: string): string {
  const lines = [
    headers.from ? `From: ${formatMailbox(headers.from)}` : null,
    headers.to.length > 0 ? `To: ${headers.to.map(formatMailbox).join('; ')}` : null,
    rawDate ? `Date: ${rawDate}` : null,
    headers.subject ? `Subject: ${headers.subject}` : null,
  ].filter((line): line is string => line !== null)
  return `${lines.join('\n')}\n\n${body}`
}

/** The sender's own calendar date from a Date header ("Thu, 8 Mar 2005 17:40:36 EDT" → 2005-03-08). */
export function headerDate(raw: string | null | undefined): string | null {
  if (!raw) return null
  const local = findDateInLine(raw)
  if (local) return local
  const parsed = new Date(raw)
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString().slice(0, 10)
}
