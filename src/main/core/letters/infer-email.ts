// What an e-mail's own headers say, which beats anything guessed from its text: the sender's
// address and domain, the Date and Subject headers, and the first recipient. A sender whose
// domain is not in the register is kept (name, address, domain) so the UI can offer
// "Add as new organisation" instead of leaving a blank.
import type { InferredField } from '../../../shared/domain/dto'
import { formatMailbox } from './extractors/email-text'
import type { EmailHeaders, Mailbox } from './extractors/types'
import type { OwnIdentity, RegisterEntry } from './inference-types'

/** Personal mail services: their domain says nothing about an organisation. */
const PUBLIC_MAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'live.com', 'live.co.uk', 'yahoo.com', 'yahoo.co.uk', 'icloud.com', 'me.com', 'aol.com', 'btinternet.com', 'sky.com', 'virginmedia.com', 'protonmail.com', 'proton.me', 'gmx.com', 'mail.com'])

const TRAILING_BRACKETS = /(?<![>\s])[>\s]+$/
/** "RE: FW: [2] " before a subject: one optional bracket between prefix and colon, so no two runs of spaces can trade characters. */
export const REPLY_PREFIXES = /^(?:(?:re|fw|fwd|aw|sv|antw)\s*(?:\[\d+\]\s*)?:\s*)+/i

export function domainOf(address: string | null | undefined): string | null {
  // The lookbehind lets only the start of a run try to reach the end: /[>\s]+$/ alone is
  // quadratic on a long run of ">" or spaces followed by anything else.
  const domain = address?.split('@')[1]?.trim().toLowerCase().replace(TRAILING_BRACKETS, '')
  return domain && /^[\w-]+(\.[\w-]+)+$/.test(domain) ? domain : null
}

export function isPublicMailDomain(domain: string): boolean {
  return PUBLIC_MAIL_DOMAINS.has(domain)
}

export function registerEntryForDomain(domain: string, register: RegisterEntry[]): RegisterEntry | null {
  return register.find((entry) => entry.domains.some((d) => domain === d || domain.endsWith(`.${d}`))) ?? null
}

export function isOwnDomain(domain: string | null, own: OwnIdentity): boolean {
  return domain !== null && own.domains.some((d) => domain === d || domain.endsWith(`.${d}`))
}

/** The organisation from the From header (or, for e-mails the committee sent, the first To). */
export function organisationFromHeaders(email: EmailHeaders, register: RegisterEntry[], own: OwnIdentity): { id: number; field: InferredField } | null {
  const outgoing = isOwnDomain(domainOf(email.from?.address), own)
  const boxes: Mailbox[] = outgoing ? email.to : email.from ? [email.from] : []
  for (const box of boxes) {
    const domain = domainOf(box.address)
    const entry = domain ? registerEntryForDomain(domain, register) : null
    if (domain && entry) {
      const reason = outgoing ? `sent by the committee to e-mail domain ${domain}` : `e-mail domain ${domain}`
      return { id: entry.id, field: { value: entry.name, confidence: 0.97, reason } }
    }
  }
  return null
}

export function dateFromHeaders(email: EmailHeaders): InferredField | null {
  return email.date ? { value: email.date, confidence: 0.98, reason: 'e-mail Date header' } : null
}

export function subjectFromHeaders(email: EmailHeaders): InferredField | null {
  if (!email.subject) return null
  // "RE: FW: Update" is about "Update"; the prefixes only say how it travelled.
  const bare = email.subject.replace(REPLY_PREFIXES, '').trim()
  return { value: (bare || email.subject).slice(0, 300), confidence: 0.98, reason: 'e-mail Subject header' }
}

export function recipientFromHeaders(email: EmailHeaders): InferredField | null {
  const first = email.to[0]
  if (!first) return null
  const more = email.to.length > 1 ? ` and ${email.to.length - 1} more` : ''
  return { value: formatMailbox(first), confidence: 0.95, reason: `e-mail To header${more}` }
}

/** For an unrecognised sender: what the UI needs to offer "Add as new organisation". */
export function senderFromHeaders(email: EmailHeaders): { email: InferredField; domain: InferredField; name: InferredField } | null {
  if (!email.from) return null
  const domain = domainOf(email.from.address)
  const usable = domain && !isPublicMailDomain(domain) ? domain : null
  return {
    email: { value: email.from.address || null, confidence: 0.98, reason: 'e-mail From header' },
    domain: { value: usable, confidence: usable ? 0.9 : 0, reason: usable ? `e-mail domain ${usable} is not in the register` : domain ? `${domain} is a personal mail service` : 'no sender address' },
    name: { value: email.from.name || null, confidence: email.from.name ? 0.9 : 0, reason: 'e-mail From header' },
  }
}
