// Guesses who sent a letter, when, about what and who signed it, each guess with a confidence
// and a reason a person can check ("e-mail domain ipso.co.uk").
import { findName, isAcronym, nameWords, termWords, type NameWords } from '../organisations/name-matching'
import type { InferredField } from '../../../shared/domain/dto'
import { findEmailAddresses } from './email-addresses'
import type { EmailHeaders } from './extractors/types'
import { subjectCase } from './subject-case'
import { findDateInLine, findDatesInLine, isDateline, isIncidentalDate } from './find-date'
import { dateFromHeaders, domainOf, isOwnDomain, isPublicMailDomain, organisationFromHeaders, recipientFromHeaders, senderFromHeaders, subjectFromHeaders } from './infer-email'
import type { OwnIdentity, RegisterEntry } from './inference-types'

// Re-exported for the callers that take them from here (the register, the committee setting).
export type { OwnIdentity, RegisterEntry } from './inference-types'

/** What the file itself says beyond its text: e-mail headers, a letter's bold or underlined heading. */
export interface InferenceHints {
  email?: EmailHeaders | null
  heading?: string | null
}

export interface InferredMetadata {
  direction: 'incoming' | 'outgoing'
  organisationId: number | null
  organisation: InferredField
  date: InferredField
  subject: InferredField
  signatory: InferredField
  recipient: InferredField
  /** When the sender is not in the register: who it seems to be, to offer "Add as new organisation". */
  senderName: InferredField
  senderEmail: InferredField
  senderDomain: InferredField
}

const HEAD_LINES = 15

/**
 * Inference reads at most this much of a letter: its head and its tail, where the letterhead,
 * date, subject and signature are. Every pass below is linear, but the register is matched
 * against lines, so the input is bounded too: a 50 MB text costs what 80 KB does.
 */
export const INFERENCE_HEAD_CHARS = 64 * 1024
export const INFERENCE_TAIL_CHARS = 16 * 1024
/** No letterhead, salutation or signature line is this long; longer lines are cut for matching. */
export const INFERENCE_LINE_CHARS = 2000

/** The part of a text that inference reads: all of it when short, else its head and tail. */
export function inferenceText(text: string): string {
  if (text.length <= INFERENCE_HEAD_CHARS + INFERENCE_TAIL_CHARS) return text
  return `${text.slice(0, INFERENCE_HEAD_CHARS)}\n${text.slice(-INFERENCE_TAIL_CHARS)}`
}
const SIGN_OFF = /^(yours (sincerely|faithfully|truly)|kind regards|best wishes|with best wishes|regards)[,.]?$/i

export function inferMetadata(fullText: string, register: RegisterEntry[], own: OwnIdentity = { names: [], domains: [] }, hints: InferenceHints = {}): InferredMetadata {
  const text = inferenceText(fullText)
  const lines = text.split('\n').map((line) => line.slice(0, INFERENCE_LINE_CHARS).trim())
  const email = hints.email ?? null
  const outgoing = email?.from ? isOwnDomain(domainOf(email.from.address), own) || isOwnLetterhead(lines, own) : isOwnLetterhead(lines, own)
  const fromHeaders = email ? organisationFromHeaders(email, register, own) : null
  const organisation = fromHeaders ?? (outgoing ? inferAddressee(lines, register) : inferOrganisation(text, lines, register))
  const found = (email && subjectFromHeaders(email)) ?? inferSubject(lines, hints.heading ?? null)
  const subject = found.value === null ? found : { ...found, value: subjectCase(found.value) }
  return {
    direction: outgoing ? 'outgoing' : 'incoming',
    organisationId: organisation.id,
    organisation: organisation.field,
    date: (email && dateFromHeaders(email)) ?? inferDate(lines),
    subject,
    signatory: inferSignatory(lines),
    recipient: (email && recipientFromHeaders(email)) ?? inferRecipient(lines),
    ...(organisation.id === null ? unknownSender(text, lines, email, own) : noSender()),
  }
}

const NONE: InferredField = { value: null, confidence: 0, reason: 'sender is in the register' }

function noSender() {
  return { senderName: NONE, senderEmail: NONE, senderDomain: NONE }
}

/** Who an unregistered sender seems to be: the From header, else the letterhead and an address in the text. */
function unknownSender(text: string, lines: string[], email: EmailHeaders | null, own: OwnIdentity) {
  const fromHeader = email ? senderFromHeaders(email) : null
  if (fromHeader) return { senderName: fromHeader.name, senderEmail: fromHeader.email, senderDomain: fromHeader.domain }
  const address = firstAddress(text, (found) => !isOwnDomain(domainOf(found.address), own))
  const domain = address ? domainOf(address) : null
  const usable = domain && !isPublicMailDomain(domain) ? domain : null
  const head = lines.find((line) => line.length > 0) ?? ''
  const looksLikeName = head.length >= 2 && head.length <= 80 && /\p{Lu}/u.test(head) && !/\d/.test(head) && !/^(dear|from|to|date|subject|re)\b/i.test(head)
  return {
    senderName: looksLikeName ? { value: head, confidence: 0.4, reason: 'first line of the letterhead' } : { value: null, confidence: 0, reason: 'no letterhead line' },
    senderEmail: address ? { value: address, confidence: 0.6, reason: 'first e-mail address in the text' } : { value: null, confidence: 0, reason: 'no e-mail address in the text' },
    senderDomain: usable ? { value: usable, confidence: 0.6, reason: `e-mail domain ${usable} is not in the register` } : { value: null, confidence: 0, reason: 'no organisation e-mail domain in the text' },
  }
}

function firstAddress(text: string, accept: (found: { address: string }) => boolean): string | null {
  for (const found of findEmailAddresses(text)) if (accept(found)) return found.address
  return null
}

/** The addressee: from "Dear Lord Evans," when nothing better is known. */
function inferRecipient(lines: string[]): InferredField {
  for (const line of lines.slice(0, HEAD_LINES + 15)) {
    const match = /^dear\s+(.{2,80}?)[,.:]?$/i.exec(line)
    if (match?.[1] && !/^(sir|madam|sir or madam|sirs|all|colleagues?)$/i.test(match[1])) return { value: match[1], confidence: 0.6, reason: `salutation “${line.slice(0, 40)}”` }
  }
  return { value: null, confidence: 0, reason: 'no recipient found' }
}

function inferOrganisation(text: string, lines: string[], register: RegisterEntry[]): { id: number | null; field: InferredField } {
  // 1. An e-mail address at a registered domain (or a subdomain of one) is the strongest sign.
  const headText = lines.slice(0, HEAD_LINES).join('\n')
  for (const scope of [headText, text]) {
    for (const { domain: written } of findEmailAddresses(scope)) {
      const domain = written.toLowerCase()
      const entry = register.find((e) => e.domains.some((d) => domain === d || domain.endsWith(`.${d}`)))
      if (entry) return found(entry, scope === headText ? 0.95 : 0.85, `e-mail domain ${domain}`)
    }
  }
  // 2. The name or an alias in the letterhead, then in the signature block.
  const signOffIndex = lines.findIndex((line) => SIGN_OFF.test(line))
  const signature = signOffIndex >= 0 ? lines.slice(signOffIndex, signOffIndex + 8) : lines.slice(-8)
  const places: [string[], number, string][] = [
    [lines.slice(0, 6), 0.9, 'letterhead'],
    [signature, 0.8, 'signature block'],
    [lines.slice(0, HEAD_LINES), 0.6, 'opening lines'],
  ]
  for (const [scope, confidence, where] of places) {
    const hit = firstMention(scope, register)
    if (hit) return found(hit.entry, confidence, `“${hit.term}” in the ${where}`)
  }
  return { id: null, field: { value: null, confidence: 0, reason: 'no registered name, alias or e-mail domain found' } }
}

function isOwnLetterhead(lines: string[], own: OwnIdentity): boolean {
  // An e-mail's From: header decides alone; its To: line naming the committee means a reply.
  const from = lines.slice(0, 6).find((line) => /^from\s*:/i.test(line))
  const head = from ? [from] : lines.slice(0, 3)
  return head.some((line) => own.names.some((name) => mentions(line, nameWords(line), name)) || own.domains.some((domain) => line.toLowerCase().includes(`@${domain}`)))
}

/** For a letter the committee sent, the organisation is the addressee named below the letterhead. */
function inferAddressee(lines: string[], register: RegisterEntry[]): { id: number | null; field: InferredField } {
  const salutation = lines.findIndex((line) => /^dear\b/i.test(line))
  const block = lines.slice(3, salutation > 3 ? salutation : HEAD_LINES)
  const hit = firstMention(block, register)
  if (hit) return found(hit.entry, 0.8, `sent by the committee; addressee “${hit.term}”`)
  return { id: null, field: { value: null, confidence: 0, reason: 'sent by the committee; addressee not in the register' } }
}

function found(entry: RegisterEntry, confidence: number, reason: string) {
  return { id: entry.id, field: { value: entry.name, confidence, reason } }
}

/** The earliest line that names a registered organisation; longer names win within a line. */
function firstMention(lines: string[], register: RegisterEntry[]): { entry: RegisterEntry; term: string } | null {
  for (const line of lines) {
    const words = nameWords(line)
    let best: { entry: RegisterEntry; term: string } | null = null
    for (const entry of register) {
      for (const term of [entry.name, ...entry.aliases]) {
        if (mentions(line, words, term) && (!best || term.length > best.term.length)) best = { entry, term }
      }
    }
    if (best) return best
  }
  return null
}

/** Made once per term: inference runs for every letter against the whole register. */
const TERMS = new Map<string, { words: NameWords; acronym: boolean }>()

/**
 * Whether a line names the term, forgiving punctuation, "&"/"and", "Dept", "Ltd", a leading
 * "The" and case (organisations/name-matching.ts); acronyms count only in capitals.
 */
function mentions(line: string, words: NameWords, term: string): boolean {
  // Very short aliases ("X") only count when they are the whole line, as in a letterhead.
  if (term.length < 3) return line === term
  let known = TERMS.get(term)
  if (!known) {
    known = { words: termWords(term), acronym: isAcronym(term) }
    if (TERMS.size > 10_000) TERMS.clear()
    TERMS.set(term, known)
  }
  return findName(words, known.words, known.acronym) >= 0
}

/**
 * The date the letter was written: a "Date:" line, then a dateline (a line that is a date and
 * little else) near the top, then the first date near the top, then the first in the body. Dates
 * that are part of a range or a legal citation are passed over: they are about something else.
 */
function inferDate(lines: string[]): InferredField {
  const head = lines.slice(0, HEAD_LINES)
  for (const line of head) {
    if (!/^(date|dated|sent)\s*:/i.test(line)) continue
    const iso = findDateInLine(line)
    if (iso) return { value: iso, confidence: 0.95, reason: `“${line.slice(0, 40)}” header` }
  }
  for (const [index, line] of head.entries()) {
    if (isDateline(line)) return { value: findDatesInLine(line)[0]!.iso, confidence: 0.9, reason: `dateline on line ${index + 1}` }
  }
  let incidental: string | null = null
  for (const [index, line] of lines.entries()) {
    const spans = findDatesInLine(line)
    for (const [at, span] of spans.entries()) {
      if (isIncidentalDate(line, span, spans[at - 1])) {
        incidental ??= span.iso
        continue
      }
      if (index < HEAD_LINES) return { value: span.iso, confidence: 0.8, reason: `date on line ${index + 1}` }
      return { value: span.iso, confidence: 0.4, reason: 'first date mentioned in the body' }
    }
  }
  if (incidental) return { value: incidental, confidence: 0.2, reason: 'the only dates are in a date range or a citation' }
  return { value: null, confidence: 0, reason: 'no date found' }
}

function inferSubject(lines: string[], heading: string | null): InferredField {
  const top = lines.slice(0, HEAD_LINES + 10)
  for (const line of top) {
    const match = /^(re|subject|subj)\s*:\s*(.+)$/i.exec(line)
    if (match?.[2] && !isDateline(match[2])) return { value: match[2].trim().slice(0, 300), confidence: 0.9, reason: `“${match[1]}:” line` }
  }
  const capitals = capitalsSubject(top)
  if (capitals) return capitals
  // A dateline in bold ("February 10, 2020") is a date, and a bold "Yours sincerely," a sign-off: never a subject.
  if (heading && !isDateline(heading) && !SIGN_OFF.test(heading)) return { value: heading.slice(0, 300), confidence: 0.7, reason: 'bold or underlined heading at the top of the letter' }
  return { value: null, confidence: 0, reason: 'no “Re:” or “Subject:” line' }
}

/** A line in capitals that reads as a title: two words or more, not a date, an address or a sign-off. */
function isCapitalsTitle(line: string): boolean {
  const letters = line.match(/\p{L}/gu)?.length ?? 0
  return letters >= 8 && line.length <= 150 && !/\p{Ll}/u.test(line) && /\p{L}\S*\s+\S*\p{L}/u.test(line) && !line.includes('@') && !isDateline(line) && !SIGN_OFF.test(line)
}

/**
 * The subject a letter gives as a heading in capitals: one of the three lines after "Dear …",
 * or the line just before it when it has no digits (a letterhead's address has a postcode).
 */
function capitalsSubject(lines: string[]): InferredField | null {
  const salutation = lines.findIndex((line) => /^dear\b/i.test(line))
  if (salutation < 0) return null
  const after = lines.slice(salutation + 1).filter((line) => line.length > 0).slice(0, 3)
  const found = after.find(isCapitalsTitle)
  if (found) return { value: found.slice(0, 300), confidence: 0.8, reason: 'heading in capitals after the salutation' }
  const before = lines.slice(0, salutation).filter((line) => line.length > 0).at(-1)
  if (before && isCapitalsTitle(before) && !/\d/.test(before)) return { value: before.slice(0, 300), confidence: 0.7, reason: 'heading in capitals before the salutation' }
  return null
}

function inferSignatory(lines: string[]): InferredField {
  const signOff = lines.findIndex((line) => SIGN_OFF.test(line))
  if (signOff >= 0) {
    const name = lines.slice(signOff + 1).find((line) => line.length > 0)
    if (name && name.length <= 80) return { value: name, confidence: 0.8, reason: `name after “${lines[signOff]}”` }
  }
  const from = lines.slice(0, 5).map(fromLineName).find(Boolean)
  if (from) return { value: from.replace(/^"|"$/g, ''), confidence: 0.8, reason: '“From:” header' }
  return { value: null, confidence: 0, reason: 'no signature block found' }
}

/**
 * The name on a "From: Jo Bloggs <jo@example.org>" line, without the address. Cut by hand: the
 * pattern /^from\s*:\s*(.+?)\s*(<[^>]*>)?$/ tried every end of the name against every end of
 * the spaces after it, which is quadratic on a line of spaces.
 */
export function fromLineName(line: string): string | null {
  const label = /^from\s*:/i.exec(line)
  if (!label) return null
  let value = line.slice(label[0].length).trim()
  if (value.endsWith('>')) {
    // The address is the last "<…>" with no ">" inside; at least one character of name stays before it.
    const open = value.indexOf('<', Math.max(1, value.lastIndexOf('>', value.length - 2) + 1))
    if (open > 0) value = value.slice(0, open).trimEnd()
  }
  return value || null
}
