// Plain data of the review workspace (passages, suggestions, evidence, cycles compared, chasing,
// commitments, search, dashboard, history), in its own file so dto.ts stays readable.
// Offsets are positions in a letter's `bodyText` as JavaScript counts them (UTF-16 code units),
// so `bodyText.slice(start, end)` is the passage.
import type { Id, IsoDate, LetterFormat } from './primitives'
import type { Response, Status } from './status'

/** How a passage was found in its letter's current text. */
export type AnchorState =
  /** Still at its stored offsets. */
  | 'exact'
  /** The same words, found elsewhere (the text was re-extracted or edited). */
  | 'moved'
  /** Words close enough to the stored quote (at least 80 % alike), found after the text changed. */
  | 'fuzzy'
  /** Not found: the offsets are the old ones and may point at other words; show it apart. */
  | 'lost'

export interface PassageLinkView {
  linkId: Id
  recommendationId: Id
  recommendationNumber: string
  recommendationTitle: string
  note: string | null
  createdBy: string
  createdAt: string
}

export interface PassageView {
  id: Id
  letterId: Id
  start: number
  end: number
  quote: string
  anchor: AnchorState
  /** One or more recommendations this passage is linked to. */
  links: PassageLinkView[]
}

export interface ReanchorReport {
  letterId: Id
  passages: number
  moved: number
  fuzzy: number
  /** Passages that could not be found in the new text. */
  lost: PassageView[]
}

/** One reason for a suggestion, for a list of reasons; `why` joins them into one line. */
export interface SuggestionReason {
  kind: 'cited' | 'terms' | 'addressee'
  text: string
}

/** A letter's suggestions: those shown, and how many more there are (for a "Show more"). */
export interface SuggestionList {
  items: SuggestionView[]
  /** Further suggestions not given: below the confidence cut or beyond the limit. */
  more: number
}

export interface SuggestionView {
  recommendationId: Id
  recommendationNumber: string
  recommendationTitle: string
  /** 0–1; higher is likelier. Comparable within one list, not a probability. */
  score: number
  /** The words in the letter that match best (null only when the letter has no usable text). */
  passage: { start: number; end: number; text: string } | null
  /** One short line, e.g. "cites recommendation 14; shares “disciplinary”, “expulsion”; addressed to Political parties". */
  why: string
  reasons: SuggestionReason[]
}

/** The reverse suggestion: an unlinked passage of some letter that seems to be about a recommendation. */
export interface PassageSuggestionView {
  letterId: Id
  organisation: string | null
  date: IsoDate | null
  subject: string | null
  start: number
  end: number
  text: string
  score: number
  why: string
}

/** A letter linked to a recommendation: the link, the letter's sender, date and subject, and the passage quoted. */
export interface LinkedLetterView {
  linkId: Id
  letterId: Id
  organisation: string | null
  date: IsoDate | null
  subject: string | null
  quote: string | null
  note: string | null
}

export interface EvidenceView extends LinkedLetterView {
  /** The letter is dated within the cycle's dates (never while it is in the bin). */
  inCycle: boolean
  /** The letter is in the bin: the evidence is kept, flagged, until it is restored or purged. */
  inBin: boolean
}

/** One piece of a redline: words that stayed, came in or went out. Joining every `text` in order
 *  with kind 'same' or 'added' gives the new narrative; 'same' or 'removed' gives the old one. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed'
  text: string
}

export type StatusMove =
  /** Further along the scale (e.g. In progress → Implemented). */
  | 'forward'
  /** Back down the scale: flagged for the committee's attention. */
  | 'backward'
  | 'same'
  /** Changed between statuses that are not steps of progress (e.g. to Superseded). */
  | 'changed'
  /** Not assessed in the earlier cycle. */
  | 'new'

export interface CycleAssessmentSnapshot {
  status: Status
  response: Response | null
  narrative: string
}

export interface RecommendationMove {
  recommendationId: Id
  number: string
  title: string
  /** Stakeholder groups the recommendation is addressed to (directly or through an organisation). */
  groups: string[]
  from: CycleAssessmentSnapshot | null
  to: CycleAssessmentSnapshot
  move: StatusMove
  backward: boolean
  /** Word-level redline of the narrative, from the earlier cycle to the later one. */
  redline: DiffPart[]
}

export interface GroupMoves {
  group: string
  total: number
  forward: number
  backward: number
  same: number
  changed: number
  new: number
}

export interface CycleComparison {
  from: { id: Id; name: string } | null
  to: { id: Id; name: string }
  recommendations: RecommendationMove[]
  groups: GroupMoves[]
}

export interface ChaseEntry {
  organisationId: Id
  organisation: string
  group: string
  /** Numbers of the recommendations addressed to it, directly or through its group. */
  recommendations: string[]
  /** Date of the latest letter the committee sent it. */
  lastWrittenTo: IsoDate | null
  /** Date of the latest letter it sent. */
  lastReply: IsoDate | null
  repliedThisCycle: boolean
  /** When a reply is due: four weeks after the committee last wrote in this cycle, else the cycle's end. */
  replyDueBy: IsoDate | null
  overdue: boolean
}

export type CommitmentStatus = 'open' | 'met' | 'missed' | 'dismissed'

export interface CommitmentOffer {
  letterId: Id
  organisation: string | null
  letterDate: IsoDate | null
  start: number
  end: number
  /** The sentence holding the promise. */
  text: string
  /** The last day the promise allows, e.g. 2022-07-31 for "in July 2022". */
  dueOn: IsoDate
  /** The words that gave the date, e.g. "in July 2022". */
  dueText: string
  /** The recommendation of a linked passage around the sentence, when there is one. */
  recommendationId: Id | null
  recommendationNumber: string | null
}

export interface CommitmentView extends CommitmentOffer {
  id: Id
  group: string | null
  subject: string | null
  status: CommitmentStatus
  /** Still open and its due date has passed. */
  overdue: boolean
  note: string | null
  createdAt: string
  updatedAt: string
}

export type SearchKind = 'letter' | 'passage' | 'recommendation' | 'narrative'

export interface SearchFilters {
  kinds?: SearchKind[]
  organisationId?: Id
  group?: string
  dateFrom?: IsoDate
  dateTo?: IsoDate
  format?: LetterFormat
  linked?: 'linked' | 'unlinked'
  cycleId?: Id
  status?: Status
}

export type SearchSort = 'relevance' | 'date'

/** A piece of a snippet; `hit` pieces are the words that matched (show them marked, e.g. <mark>). */
export interface SnippetPart {
  text: string
  hit: boolean
}

export interface SearchHit {
  kind: SearchKind
  /** Id of the letter, passage, recommendation or assessment found. */
  id: Id
  letterId: Id | null
  recommendationId: Id | null
  cycleId: Id | null
  /** Subject of the letter; "14 Disciplinary action…" for a recommendation; cycle and number for a narrative. */
  title: string
  /** The letter's subject (letters and passages; null otherwise or when it has none). */
  subject: string | null
  organisation: string | null
  group: string | null
  date: IsoDate | null
  format: LetterFormat | null
  status: Status | null
  /** For a passage: where it is in its letter. */
  start: number | null
  end: number | null
  /** Higher is better; comparable within one kind only. */
  score: number
  snippet: SnippetPart[]
}

export interface SearchResults {
  total: number
  /** True when there were more matches than were counted (each kind counts up to 10 000). */
  totalIsLowerBound: boolean
  /** Matches of each kind, before paging. */
  counts: Record<SearchKind, number>
  page: number
  pageSize: number
  items: SearchHit[]
  /** Set when the query had nothing to search for (only punctuation, say). */
  notice: string | null
}

export interface SavedView {
  id: Id
  name: string
  query: string
  filters: SearchFilters
  sort: SearchSort
  createdAt: string
  updatedAt: string
}

export interface DashboardGroup {
  group: string
  recommendations: number
  /** Every status of the scale, in its order, with how many of the group's recommendations have it. */
  statusCounts: { status: Status; count: number }[]
  /** Incoming letters from the group's organisations not yet linked to any recommendation. */
  unlinkedLetters: number
  /** Recommendations with no linked letter dated within the cycle. */
  withoutEvidence: number
  /** Assessed recommendations whose status rests on no evidence from the cycle. */
  statusWithoutEvidence: number
  /** Organisations that have not replied this cycle. */
  chasesDue: number
  overdueChases: number
  /** Open commitments due by the end of the cycle (or already overdue). */
  commitmentsDue: number
}

export interface Dashboard {
  cycle: { id: Id; name: string; startsOn: IsoDate | null; endsOn: IsoDate | null } | null
  today: IsoDate
  groups: DashboardGroup[]
  /** Incoming letters whose sender is not known, not linked to anything. */
  unlinkedLettersWithoutSender: number
}

/** Items whose history can be asked for (history.forItem). */
export const HISTORY_ENTITIES = ['letter', 'recommendation', 'cycle', 'link', 'passage', 'assessment', 'commitment', 'organisation', 'saved_view', 'report'] as const
export type HistoryEntity = (typeof HISTORY_ENTITIES)[number]

/** One audited change: when, who, what it did to which item, in a line. */
export interface AuditEntry {
  id: Id
  at: string
  actor: string
  action: string
  entity: string
  entityId: Id | null
  summary: string
}

export interface HistoryEntry extends AuditEntry {
  /** The item as it was and became (JSON objects as audited; null when not recorded). */
  before: unknown
  after: unknown
  /** The change recorded the rows it touched (undo works on such changes within a session). */
  undoable: boolean
}

export interface HistoryState {
  canUndo: boolean
  canRedo: boolean
  /** What Ctrl+Z would undo, e.g. "Linked letter"; null when nothing. */
  undoLabel: string | null
  redoLabel: string | null
}

export interface HistoryStep extends HistoryState {
  /** The action just undone or redone; null when there was nothing to do. */
  applied: string | null
}
