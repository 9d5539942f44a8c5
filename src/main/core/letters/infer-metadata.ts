// Guesses who sent a letter, when, about what and who signed it, each guess with a confidence
// and a reason a person can check ("e-mail domain ipso.co.uk").
import type { InferredField } from '../../../shared/domain/dto'
import { findDateInLine } from './find-date'

export interface RegisterEntry {
  id: number
  name: string
  aliases: string[]
  domains: string[]
}

/** The committee itself: a letter on its letterhead is one the secretariat sent. */
export interface OwnIdentity {
  names: string[]
  domains: string[]
}

export interface InferredMetadata {
  direction: 'incoming' | 'outgoing'
  organisationId: number | null
  organisation: InferredField
  date: InferredField
  subject: InferredField
  signatory: InferredField
}

const HEAD_LINES = 15
const SIGN_OFF = /^(yours (sincerely|faithfully|truly)|kind regards|best wishes|with best wishes|regards)[,.]?$/i

export function inferMetadata(text: string, register: RegisterEntry[], own: OwnIdentity = { names: [], domains: [] }): InferredMetadata {
  const lines = text.split('\n').map((line) => line.trim())
  const outgoing = isOwnLetterhead(lines, own)
  const organisation = outgoing ? inferAddressee(lines, register) : inferOrganisation(text, lines, register)
  return {
    direction: outgoing ? 'outgoing' : 'incoming',
    organisationId: organisation.id,
    organisation: organisation.field,
    date: inferDate(lines),
    subject: inferSubject(lines),
    signatory: inferSignatory(lines),
  }
}

function inferOrganisation(text: string, lines: string[], register: RegisterEntry[]): { id: number | null; field: InferredField } {
  // 1. An e-mail address at a registered domain (or a subdomain of one) is the strongest sign.
  const headText = lines.slice(0, HEAD_LINES).join('\n')
  for (const scope of [headText, text]) {
    for (const match of scope.matchAll(/[\w.+-]+@([\w-]+(?:\.[\w-]+)+)/g)) {
      const domain = (match[1] ?? '').toLowerCase()
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
  return head.some((line) => own.names.some((name) => mentions(line, name)) || own.domains.some((domain) => line.toLowerCase().includes(`@${domain}`)))
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
    let best: { entry: RegisterEntry; term: string } | null = null
    for (const entry of register) {
      for (const term of [entry.name, ...entry.aliases]) {
        if (mentions(line, term) && (!best || term.length > best.term.length)) best = { entry, term }
      }
    }
    if (best) return best
  }
  return null
}

function mentions(line: string, term: string): boolean {
  // Very short aliases ("X") only count when they are the whole line, as in a letterhead.
  if (term.length < 3) return line === term
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]")
  // All-capital acronyms must match in capitals ("CPS", not "cps" inside a word or sentence).
  const flags = term === term.toUpperCase() ? 'u' : 'iu'
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, flags).test(line)
}

function inferDate(lines: string[]): InferredField {
  for (const [index, line] of lines.slice(0, HEAD_LINES).entries()) {
    const labelled = /^(date|sent)\s*:/i.test(line)
    const iso = findDateInLine(line)
    if (iso) return { value: iso, confidence: labelled ? 0.95 : 0.85, reason: labelled ? `“${line.slice(0, 40)}” header` : `date on line ${index + 1}` }
  }
  for (const line of lines.slice(HEAD_LINES)) {
    const iso = findDateInLine(line)
    if (iso) return { value: iso, confidence: 0.4, reason: 'first date mentioned in the body' }
  }
  return { value: null, confidence: 0, reason: 'no date found' }
}

function inferSubject(lines: string[]): InferredField {
  for (const line of lines.slice(0, HEAD_LINES + 10)) {
    const match = /^(re|subject|subj)\s*:\s*(.+)$/i.exec(line)
    if (match?.[2]) return { value: match[2].trim().slice(0, 300), confidence: 0.9, reason: `“${match[1]}:” line` }
  }
  return { value: null, confidence: 0, reason: 'no “Re:” or “Subject:” line' }
}

function inferSignatory(lines: string[]): InferredField {
  const signOff = lines.findIndex((line) => SIGN_OFF.test(line))
  if (signOff >= 0) {
    const name = lines.slice(signOff + 1).find((line) => line.length > 0)
    if (name && name.length <= 80) return { value: name, confidence: 0.8, reason: `name after “${lines[signOff]}”` }
  }
  const from = lines.slice(0, 5).map((line) => /^from\s*:\s*(.+?)\s*(<[^>]*>)?$/i.exec(line)).find(Boolean)
  if (from?.[1]) return { value: from[1].replace(/^"|"$/g, ''), confidence: 0.8, reason: '“From:” header' }
  return { value: null, confidence: 0, reason: 'no signature block found' }
}
