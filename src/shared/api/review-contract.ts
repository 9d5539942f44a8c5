// The review workspace's part of the contract (passages, suggestions, cycles, chasing,
// commitments, search, dashboard, history), spread into `contract` in contract.ts. Outputs are
// described in src/shared/domain/review-dto.ts; offsets are positions in a letter's `bodyText`
// as JavaScript counts them (UTF-16 code units).
import { z } from 'zod'
import { STATUSES } from '../domain/status'
import type { Cycle, LinkView } from '../domain/dto'
import {
  HISTORY_ENTITIES,
  type ChaseEntry,
  type CommitmentOffer,
  type CommitmentView,
  type CycleComparison,
  type Dashboard,
  type HistoryEntry,
  type HistoryState,
  type HistoryStep,
  type PassageSuggestionView,
  type PassageView,
  type ReanchorReport,
  type SavedView,
  type SearchResults,
  type SuggestionView,
} from '../domain/review-dto'

/** As in contract.ts (kept here too so the two files do not import each other). */
function method<Out>() {
  return <In extends z.ZodType>(input: In) => ({ input, output: undefined as unknown as Out })
}

const id = z.number().int().positive()
const none = z.object({}).strict()
const text = (max: number) => z.string().max(max)
const offset = z.number().int().min(0).max(50_000_000)
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
const limit = (max: number) => z.number().int().min(1).max(max).optional()

const FORMATS = ['txt', 'docx', 'doc', 'odt', 'rtf', 'html', 'pdf', 'eml', 'msg', 'png', 'jpeg', 'tiff'] as const

export const searchFiltersSchema = z
  .object({
    kinds: z.array(z.enum(['letter', 'passage', 'recommendation', 'narrative'])).max(4).optional(),
    organisationId: id.optional(),
    group: text(100).optional(),
    dateFrom: isoDate.optional(),
    dateTo: isoDate.optional(),
    format: z.enum(FORMATS).optional(),
    linked: z.enum(['linked', 'unlinked']).optional(),
    cycleId: id.optional(),
    status: z.enum(STATUSES).optional(),
  })
  .strict()

export const reviewContract = {
  /** Every passage of a letter where it is in the current text; lost ones last (anchor 'lost'). */
  'passages.list': method<PassageView[]>()(z.object({ letterId: id }).strict()),
  /** Links a selection [start, end) to one or more recommendations (the note goes on each link).
   *  White space at either end is trimmed; the same selection again adds only new recommendations. */
  'passages.create': method<PassageView>()(
    z.object({ letterId: id, start: offset, end: offset, recommendationIds: z.array(id).min(1).max(20), note: text(2_000).optional() }).strict(),
  ),
  /** Removes a passage and all its links. */
  'passages.remove': method<{ removed: true }>()(z.object({ id }).strict()),
  /** Finds every passage again in the letter's current text and stores where it is now. */
  'passages.reanchor': method<ReanchorReport>()(z.object({ letterId: id }).strict()),

  /** Changes a link's note (null or "" removes it) or points it at another recommendation. */
  'links.update': method<LinkView>()(z.object({ id, note: text(2_000).nullable().optional(), recommendationId: id.optional() }).strict()),

  /** Recommendations the letter most likely speaks to, best first (default 5), without those
   *  already linked to it or rejected for it. */
  'suggestions.forLetter': method<SuggestionView[]>()(z.object({ letterId: id, limit: limit(20) }).strict()),
  /** The same for a selection; `passage` of each is the selection itself. */
  'suggestions.forPassage': method<SuggestionView[]>()(z.object({ letterId: id, start: offset, end: offset, limit: limit(20) }).strict()),
  /** The reverse: unlinked passages of incoming letters most likely about a recommendation (default 10). */
  'suggestions.forRecommendation': method<PassageSuggestionView[]>()(z.object({ recommendationId: id, limit: limit(50) }).strict()),
  /** Accepts a suggestion: links the passage [start, end) when given, else the whole letter. */
  'suggestions.accept': method<LinkView>()(z.object({ letterId: id, recommendationId: id, start: offset.optional(), end: offset.optional(), note: text(2_000).optional() }).strict()),
  /** Rejects a suggestion for this letter; it is never suggested for the letter again (undo brings it back). */
  'suggestions.reject': method<{ rejected: true }>()(z.object({ letterId: id, recommendationId: id }).strict()),

  /** Starts a cycle; by default copies statuses and responses from the latest cycle (`copy`:
   *  'nothing' | 'statuses' | 'statuses-and-narratives'; `copyFrom` picks another cycle). */
  'cycles.create': method<Cycle & { copied: number; copiedFrom: string | null }>()(
    z
      .object({
        name: text(120).min(1),
        startsOn: isoDate.nullable(),
        endsOn: isoDate.nullable(),
        copyFrom: id.optional(),
        copy: z.enum(['nothing', 'statuses', 'statuses-and-narratives']).optional(),
      })
      .strict(),
  ),
  /** Year on year: `toCycleId` (default latest) against `fromCycleId` (default the one before),
   *  optionally one recommendation or one stakeholder group (by name). */
  'cycles.compare': method<CycleComparison>()(
    z.object({ toCycleId: id.optional(), fromCycleId: id.optional(), recommendationId: id.optional(), group: text(100).optional() }).strict(),
  ),

  /** Addressees that have not replied within the cycle (default latest), overdue first. */
  'chase.list': method<ChaseEntry[]>()(z.object({ cycleId: id.optional(), includeReplied: z.boolean().optional() }).strict()),

  /** Dated promises not yet accepted or dismissed: in one letter, or in the incoming letters of a cycle (default latest). */
  'commitments.offers': method<CommitmentOffer[]>()(z.object({ letterId: id.optional(), cycleId: id.optional() }).strict()),
  'commitments.accept': method<CommitmentView>()(
    z
      .object({ letterId: id, start: offset, end: offset, dueOn: isoDate, dueText: text(200).optional(), recommendationId: id.nullable().optional(), note: text(2_000).optional() })
      .strict(),
  ),
  'commitments.dismiss': method<{ dismissed: true }>()(z.object({ letterId: id, start: offset, end: offset }).strict()),
  /** Marks a commitment met or missed (or reopens or dismisses it). */
  'commitments.setStatus': method<CommitmentView>()(z.object({ id, status: z.enum(['open', 'met', 'missed', 'dismissed']), note: text(2_000).optional() }).strict()),
  /** Accepted commitments, soonest due first; dismissed ones only when asked for by status.
   *  With `cycleId`: due within the cycle's dates, plus any still open from before it. */
  'commitments.list': method<CommitmentView[]>()(
    z.object({ cycleId: id.optional(), status: z.enum(['open', 'met', 'missed', 'dismissed']).optional(), letterId: id.optional(), organisationId: id.optional() }).strict(),
  ),

  /** One search over letters, passages, recommendations and narratives. `query` may use "phrases",
   *  prefix*, OR and -exclusion; any string is safe. Empty query: letters listed by the filters.
   *  Pages are 1-based (pageSize default 20, at most 100; the first 1,000 results can be paged). */
  'search.query': method<SearchResults>()(
    z
      .object({
        query: text(500),
        filters: searchFiltersSchema.optional(),
        sort: z.enum(['relevance', 'date']).optional(),
        page: z.number().int().min(1).max(1_000).optional(),
        pageSize: limit(100),
      })
      .strict(),
  ),
  'searchViews.list': method<SavedView[]>()(none),
  /** Saves a search under a name; an existing name (any case) is replaced. */
  'searchViews.save': method<SavedView>()(
    z.object({ name: text(120).min(1), query: text(500), filters: searchFiltersSchema.optional(), sort: z.enum(['relevance', 'date']).optional() }).strict(),
  ),
  'searchViews.remove': method<{ removed: true }>()(z.object({ id }).strict()),

  /** Per stakeholder group for a cycle (default latest): statuses, unlinked letters, missing evidence, chases, commitments. */
  'dashboard.get': method<Dashboard>()(z.object({ cycleId: id.optional() }).strict()),

  /** Every audited change that concerned an item, newest first (default 100). */
  'history.forItem': method<HistoryEntry[]>()(z.object({ entity: z.enum(HISTORY_ENTITIES), entityId: id, limit: limit(500) }).strict()),
  /** What Ctrl+Z and Ctrl+Shift+Z would do now in this session. */
  'history.state': method<HistoryState>()(none),
  /** Undoes the last undoable action of this session (links, passages, assessments, rejections,
   *  commitments, cycles, saved searches), itself audited. `applied` is null when there was nothing. */
  'history.undo': method<HistoryStep>()(none),
  'history.redo': method<HistoryStep>()(none),
} as const

export type ReviewContract = typeof reviewContract
