// Plain data that crosses the process boundary: numbers, strings, ISO dates (YYYY-MM-DD or full
// ISO timestamps), arrays and plain objects only. No Date, Map or Buffer.
import type { Response, Status } from './status'
import type { AnchorState, AuditEntry, EvidenceView, LinkedLetterView } from './review-dto'

import type { Id, IsoDate, LetterFormat } from './primitives'

export type { Id, IsoDate, LetterFormat } from './primitives'

export interface AppInfo {
  version: string
  databasePath: string
  schemaVersion: number
  /** True until someone has chosen "Load demonstration data" or "Start empty". */
  needsFirstRunChoice: boolean
  counts: { letters: number; recommendations: number; organisations: number }
  /** Set when the database was damaged on opening and a fresh one was started. */
  recovery: { movedTo: string; reason: string; latestBackup: BackupInfo | null } | null
  /** Things a person should know about where the data lives (e.g. a network share). */
  warnings: string[]
}

export interface BackupInfo {
  name: string
  takenAt: string
  sizeBytes: number
}

export interface StakeholderGroup {
  id: Id
  name: string
  position: number
}

export interface Organisation {
  id: Id
  name: string
  group: string
  aliases: string[]
  emailDomains: string[]
  /** Words of its letterhead's address ("100 Parliament Street"), matched like aliases. */
  addressFragments: string[]
  letterCount: number
  lastLetterDate: IsoDate | null
  /** The entry's stored version; organisations.update sends it back as `ifVersion`. */
  version: number
  updatedBy: string | null
  updatedAt: string | null
}

export interface Report {
  id: Id
  title: string
  year: number | null
  reference: string | null
}

export interface Cycle {
  id: Id
  name: string
  startsOn: IsoDate | null
  endsOn: IsoDate | null
}

/** What a letter's original really is, decided from its bytes (shown to people, e.g. "PDF"). */

export interface LetterSummary {
  id: Id
  organisation: string | null
  group: string | null
  date: IsoDate | null
  subject: string | null
  fileName: string
  format: LetterFormat
  /** Outgoing: one of the committee's own letters (its organisation is the addressee). */
  direction: LetterDirection
  /** When the letter was put in the bin; null for every letter outside it. */
  deletedAt: string | null
  /** Numbers of the recommendations linked to this letter, as printed. */
  linkedRecommendations: string[]
}

export type LetterDirection = 'incoming' | 'outgoing'

/** One page of the letters list: its rows, how many letters pass the filters in all, and where
 *  the next page starts (null after the last). */
export interface LetterPage {
  rows: LetterSummary[]
  total: number
  nextCursor: string | null
}

/** A letter in the bin, with what went into the bin with it. */
export interface BinnedLetter {
  id: Id
  organisation: string | null
  date: IsoDate | null
  subject: string | null
  fileName: string
  direction: LetterDirection
  deletedAt: string
  deletedBy: string | null
  /** The e-mail it came attached to, when that went into the bin with it. */
  parentLetterId: Id | null
  passages: number
  links: number
}

export interface InferredField {
  value: string | null
  confidence: number
  reason: string
}

export interface LetterDetail extends LetterSummary {
  signatory: string | null
  recipient: string | null
  /** The text was read from pictures by OCR and may hold recognition errors. */
  ocr: boolean
  /** The e-mail this letter came attached to. */
  parentLetterId: Id | null
  /** For an e-mail: its attachments (letters of their own, or listed by name). */
  attachments: LetterAttachment[]
  bodyText: string
  importedAt: string
  sizeBytes: number
  sha256: string
  inference: Record<string, InferredField>
  links: LinkView[]
  /** The details' stored version; letters.update sends it back as `ifVersion`. */
  version: number
  updatedBy: string | null
  updatedAt: string | null
}

/** A letter's editable details as stored, sent with a stale refusal of letters.update. */
export interface LetterDetailsValue {
  organisationId: Id | null
  organisation: string | null
  date: IsoDate | null
  subject: string | null
  signatory: string | null
}

export interface LinkView {
  id: Id
  letterId: Id
  recommendationId: Id
  recommendationNumber: string
  recommendationTitle: string
  quote: string | null
  note: string | null
  createdAt: string
  createdBy: string
  /** The highlighted passage, or null for a link to the whole letter. */
  passageId: Id | null
  /** Where the passage is in the letter's current bodyText (UTF-16 offsets, as JavaScript counts); null for a whole-letter link. */
  start: number | null
  end: number | null
  /** How the passage was found in the current text ('lost': show it apart, not highlighted); null for a whole-letter link. */
  anchor: AnchorState | null
}

export interface Addressee {
  kind: 'organisation' | 'group'
  name: string
}

export interface RecommendationSummary {
  id: Id
  reportId: Id
  number: string
  title: string
  theme: string | null
  addressees: Addressee[]
  /** Status in the cycle asked for (default: the latest cycle). */
  status: Status
  evidenceCount: number
  lastLetterDate: IsoDate | null
}

export interface AssessmentView {
  cycleId: Id
  cycleName: string
  status: Status
  response: Response | null
  /** Plain text: paragraphs separated by a blank line, *emphasis* between asterisks (see narrative.ts). */
  narrative: string
  updatedAt: string | null
  updatedBy: string | null
  /** The stored version (0: not yet assessed); a save sends it back as `ifVersion`. */
  version: number
  /** The links the status rests on: those chosen for it, or else every link from a letter dated in the cycle. */
  evidence: EvidenceView[]
  /** True when a person chose the evidence (assessments.set with evidenceLinkIds). */
  evidenceChosen: boolean
  /** A status is set but none of its evidence comes from a letter dated within the cycle. */
  noCurrentEvidence: boolean
}

export type { LinkedLetterView }

export interface RecommendationDetail extends RecommendationSummary {
  text: string
  reportTitle: string
  /** The entry's stored version; recommendations.update sends it back as `ifVersion`. */
  version: number
  updatedBy: string | null
  updatedAt: string | null
  linkedLetters: LinkedLetterView[]
  /** One entry per cycle, newest first; cycles without an assessment show "Not yet assessed". */
  assessments: AssessmentView[]
}

/** A file attached to an e-mail: imported as a letter of its own (letterId), or only listed (note says why). */
export interface LetterAttachment {
  name: string
  letterId: Id | null
  note: string | null
}

export type ImportOutcome = (
  | {
      file: string
      status: 'imported'
      letterId: Id
      organisation: string | null
      date: IsoDate | null
      subject: string | null
      format: LetterFormat
      /** The text was read from pictures by OCR. */
      ocr: boolean
      /** A letter already held with nearly the same text (offered for merging), or null. */
      nearDuplicateOf: Id | null
      /** For an e-mail: its attachments, each imported as a letter linked to it or listed. */
      attachments: LetterAttachment[]
    }
  | { file: string; status: 'duplicate'; letterId: Id; organisation: string | null; date: IsoDate | null; subject: string | null }
  | { file: string; status: 'failed'; error: string }
  /** Not imported: the import was cancelled before this file was stored. */
  | { file: string; status: 'cancelled' }
) & {
  /** For a mailbox file (.mbox), whose every message is a letter: which message this is. */
  message?: { number: number; of: number }
}

export interface ExportResult {
  /** False when the person closed the save dialog. */
  saved: boolean
  path: string | null
  sections: number
  bytes: number
  /** A sentence to show when the document has no sections (nothing in the cycle is assessed). */
  warning?: string | null
}

/** A group's framing paragraph for one cycle, printed under its heading before the narratives. */
export interface GroupPreamble {
  groupId: Id
  group: string
  cycleId: Id
  /** Light markup as in narratives (*emphasis*, blank line between paragraphs); '' when none. */
  text: string
  /** The stored version (0: none yet); a save sends it back as `ifVersion`. */
  version: number
  updatedBy: string | null
  updatedAt: string | null
}

export type { AuditEntry }

/** How the progress summary is laid out; stored with the data so every export of it agrees. */
export interface ExportSettings {
  title: string
  introduction: string
  /** Stakeholder groups in the order of the document's sections. */
  groupOrder: string[]
  includeAnnex: boolean
  includeCorrespondence: boolean
  footnotes: boolean
  fontFamily: string
  fontSizePt: number
  marginsMm: { top: number; right: number; bottom: number; left: number }
  author: string
}

export interface SummaryOutline {
  title: string
  subtitle: string
  items: { level: 1 | 2; text: string; paragraphs: number; footnotes: number }[]
}

/** Two letters with nearly the same text (the same letter as an e-mail and its PDF print, or sent twice). */
export interface NearDuplicatePair {
  /** The letter imported later. */
  letter: LetterSummary
  duplicateOf: LetterSummary
  /** Estimated share of three-word phrases the two texts have in common, 0–1. */
  similarity: number
  foundAt: string
}

export interface MergeResult {
  keptId: Id
  removedId: Id
  movedLinks: number
  movedPassages: number
  /** Passages whose quote is not in the kept letter's text; kept, but marked as lost. */
  lostPassages: number
}

/** Limits on importing one file (settings; the app's transport also caps a file at 50 MB). */
export interface ImportLimits {
  maxFileMegabytes: number
  /** Reading one file is stopped after this long (OCR of a long scan takes the most). */
  timeLimitSeconds: number
}
