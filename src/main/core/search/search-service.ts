// One search over letters, passages, recommendations and narratives. Each kind is searched in
// its own FTS5 table with bm25() ranking; the kinds are then merged and one page is cut. What
// keeps it fast on 50 000 letters:
//  - the full-text index drives every letter query, and filters are checked against an id list
//    built from the letters' indexes, so no letter row is read for a match that is not shown;
//  - each kind fetches only as many ranked rows as the page needs (ORDER BY … LIMIT);
//  - for a query matching very many letters, bm25 ranks the newest RANK_WINDOW matches only (a
//    bounded candidate set), since ranking tens of thousands of rows would cost tens of ms;
//  - sorting by date walks the date index and stops at the page;
//  - metadata and snippets are read for the page's rows only;
//  - a prefix (`poli*`) is searched in the letters as the index's words that start so.
// The questions are asked of the engine's full-text search (db/full-text.ts; SQLite's FTS5 queries
// are in db/sqlite/full-text.ts); the filters' SQL is in search-filters-repository.ts.
import type { LetterFormat } from '../../../shared/domain/dto'
import type { SearchFilters, SearchHit, SearchKind, SearchResults, SearchSort } from '../../../shared/domain/review-dto'
import { AppError } from '../../../shared/api/errors'
import { narrativePlainText } from '../../../shared/domain/narrative'
import { parseStatus } from '../../../shared/domain/status'
import type { CoreContext } from '../context'
import { listCycles } from '../cycles/cycle-service'
import type { Db } from '../db/database'
import type { FullTextSearch } from '../db/full-text'
import { parseSearchQuery, type HighlightTerm } from './fts-query'
import { fullTextOf } from './full-text-of'
import { highlightSnippet } from './highlight'
import { narrowsLetters, noWordsNotice } from './no-words'
import { expandPrefixes } from './prefix-expansion'
import { kindApplies, type FilterContext } from './search-filters'
import { countFilteredLetters, letterIdFilter, newestFilteredLetters, recommendationCondition } from './search-filters-repository'
import { lettersForPage, linkedNumbersOfPassages, stakeholderGroupIdByName, type PageLetterRow } from './search-repository'
import { openingParts } from './snippet'

export interface SearchInput {
  query: string
  filters?: SearchFilters | undefined
  sort?: SearchSort | undefined
  /** 1-based. */
  page?: number | undefined
  pageSize?: number | undefined
}

export const MAX_PAGE_SIZE = 100
/** Results beyond this rank are not paged through; narrow the search instead. */
export const MAX_RESULTS = 1000
/** With filters, matches are counted up to this many; beyond, the total says "at least". */
export const COUNT_CAP = 2_000
/** With more matching letters than this, relevance is ranked among the newest this many. */
export const RANK_WINDOW = COUNT_CAP

const KINDS: SearchKind[] = ['letter', 'passage', 'recommendation', 'narrative']

interface Candidate extends Omit<SearchHit, 'snippet'> {
  sortDate: string | null
  /** The text the snippet is cut from (read for letters only once the page is known). */
  text?: string | null
}

interface KindResult {
  total: number
  capped: boolean
  rows: Candidate[]
  windowed: boolean
}

export async function search(ctx: CoreContext, input: SearchInput): Promise<SearchResults> {
  const filters = input.filters ?? {}
  const sort = input.sort ?? 'relevance'
  const pageSize = Math.min(input.pageSize ?? 20, MAX_PAGE_SIZE)
  const page = Math.max(1, input.page ?? 1)
  if ((page - 1) * pageSize >= MAX_RESULTS) throw new AppError('invalid_input', `Only the first ${MAX_RESULTS.toLocaleString('en-GB')} results can be paged through; add words or filters to narrow the search.`)
  const need = page * pageSize
  const parsed = parseSearchQuery(input.query)
  const fullText = fullTextOf(ctx)
  const context = await filterContext(ctx.db, filters)
  // Letters, by far the largest index, are searched with prefixes spelt out as their words.
  const lettersMatch = parsed.prefixWords.length > 0 && kindApplies('letter', filters) ? parseSearchQuery(input.query, await expandPrefixes(ctx, parsed.prefixWords)).match : parsed.match

  const counts: Record<SearchKind, number> = { letter: 0, passage: 0, recommendation: 0, narrative: 0 }
  const filtered = narrowsLetters(filters)
  const noWords = noWordsNotice(input.query, parsed, filtered)
  // Nothing to look for and nothing to narrow by: nothing is found (not every letter).
  if (noWords !== null && !filtered) return { total: 0, totalIsLowerBound: false, counts, page, pageSize, notice: noWords, items: [] }
  let capped = false
  let windowed = false
  const candidates: Candidate[] = []
  // Without words to look for, the search lists letters by the filters alone.
  const kinds = parsed.match === null ? (['letter'] as SearchKind[]) : KINDS.filter((k) => kindApplies(k, filters))
  for (const kind of kinds) {
    const result = await searchKind({ db: ctx.db, fullText }, kind, kind === 'letter' ? lettersMatch : parsed.match, context, sort, need)
    counts[kind] = result.total
    capped ||= result.capped
    windowed ||= result.windowed
    candidates.push(...result.rows)
  }

  const ordered = sort === 'date' ? candidates.sort(byDate) : candidates.sort((a, b) => b.score - a.score || byDate(a, b))
  const pageRows = ordered.slice((page - 1) * pageSize, need)
  const items = await completePage(ctx.db, pageRows, parsed.highlight)
  const total = Object.values(counts).reduce((a, b) => a + b, 0)

  let notice: string | null = null
  if (noWords !== null) notice = noWords
  else if (windowed && sort === 'relevance') notice = `Very many letters match; the most relevant are shown from the newest ${RANK_WINDOW.toLocaleString('en-GB')} matches. Add words or filters to narrow the search.`
  return {
    total,
    totalIsLowerBound: capped,
    counts,
    page,
    pageSize,
    notice,
    items,
  }
}

function byDate(a: Candidate, b: Candidate): number {
  // Newest first; undated results last.
  if (a.sortDate === b.sortDate) return b.id - a.id
  if (a.sortDate === null) return 1
  if (b.sortDate === null) return -1
  return a.sortDate < b.sortDate ? 1 : -1
}

export async function filterContext(db: Db, filters: SearchFilters): Promise<FilterContext> {
  const cycles = await listCycles(db)
  const cycle = filters.cycleId !== undefined ? (cycles.find((c) => c.id === filters.cycleId) ?? null) : (cycles[0] ?? null)
  if (filters.cycleId !== undefined && !cycle) throw new AppError('not_found', `There is no reporting cycle with id ${filters.cycleId}.`)
  let groupId: number | null = null
  if (filters.group !== undefined) {
    groupId = await stakeholderGroupIdByName(db, filters.group)
  }
  return { filters, cycle, groupId }
}

/** The database and its engine's full-text search, as each kind's search takes them. */
interface Engine {
  db: Db
  fullText: FullTextSearch
}

async function searchKind(engine: Engine, kind: SearchKind, match: string | null, context: FilterContext, sort: SearchSort, need: number): Promise<KindResult> {
  switch (kind) {
    case 'letter':
      return match === null ? listLetters(engine, context, need) : searchLetters(engine, match, context, sort, need)
    case 'passage':
      return searchPassages(engine, match!, context, sort, need)
    case 'recommendation':
      return searchRecommendations(engine, match!, context, need)
    case 'narrative':
      return searchNarratives(engine, match!, context, sort, need)
  }
}

/** Counts up to one past `cap`, so a count beyond it is reported as "at least". */
async function countCapped(count: (limit: number) => Promise<number>, cap = COUNT_CAP): Promise<{ total: number; capped: boolean }> {
  const n = await count(cap + 1)
  return { total: Math.min(n, cap), capped: n > cap }
}

type LetterRow = PageLetterRow

function letterCandidate(row: LetterRow, score: number): Candidate {
  return {
    kind: 'letter',
    id: row.id,
    letterId: row.id,
    recommendationId: null,
    cycleId: null,
    title: row.subject ?? row.file_name,
    subject: row.subject,
    organisation: row.organisation,
    group: row.grp,
    date: row.letter_date,
    format: row.format as LetterFormat,
    status: null,
    start: null,
    end: null,
    score,
    sortDate: row.letter_date,
    text: row.body_text ?? null,
  }
}

async function searchLetters({ db, fullText }: Engine, match: string, context: FilterContext, sort: SearchSort, need: number): Promise<KindResult> {
  const filter = letterIdFilter(db, context)
  let total: number
  let capped = false
  if (filter === null) {
    // Unfiltered, the index counts every match in a few milliseconds.
    total = await fullText.countLetters(db, match)
  } else {
    // Filtered: the newest matches that pass the filters, counted up to the ranking window
    // (beyond which the count is "at least").
    const ids = await fullText.newestLetterIds(db, match, filter, RANK_WINDOW + 1)
    capped = ids.length > RANK_WINDOW
    total = Math.min(ids.length, RANK_WINDOW)
  }
  if (total === 0) return { total, capped, windowed: false, rows: [] }

  let ranked: { id: number; score: number; letter_date?: string | null }[]
  if (sort === 'date') {
    const rows = await fullText.lettersByDate(db, match, filter, need)
    ranked = rows.map((r) => ({ id: r.id, score: 0, letter_date: r.letter_date }))
  } else {
    ranked = await fullText.rankLetters(db, match, filter, RANK_WINDOW, need)
  }
  const windowed = sort === 'relevance' && (capped || total > RANK_WINDOW)
  return { total, capped, windowed, rows: ranked.map((r) => letterCandidate({ ...placeholder(r.id), letter_date: r.letter_date ?? null }, r.score)) }
}

/** A letter known by id only until the page is cut; its details are read for the page alone. */
function placeholder(id: number): LetterRow {
  return { id, letter_date: null, subject: null, file_name: '', format: 'txt', organisation: null, grp: null }
}

/** No words, only filters: letters newest first, with the opening of each as its snippet. */
async function listLetters({ db }: Engine, context: FilterContext, need: number): Promise<KindResult> {
  const { total, capped } = await countCapped((limit) => countFilteredLetters(db, context, limit), 1_000_000)
  const rows = await newestFilteredLetters(db, context, need)
  return { total, capped, windowed: false, rows: rows.map((r) => letterCandidate({ ...placeholder(r.id), letter_date: r.letter_date }, 0)) }
}

async function searchPassages({ db, fullText }: Engine, match: string, context: FilterContext, sort: SearchSort, need: number): Promise<KindResult> {
  const filter = letterIdFilter(db, context)
  const { total, capped } = await countCapped((limit) => fullText.countPassages(db, match, filter, limit))
  const rows = await fullText.passages(db, match, filter, sort, need)
  return {
    total,
    capped,
    windowed: false,
    rows: rows.map((row) => ({
      kind: 'passage',
      id: row.id,
      letterId: row.letter_id,
      recommendationId: null,
      cycleId: null,
      title: '',
      subject: null,
      organisation: null,
      group: null,
      date: row.letter_date,
      format: null,
      status: null,
      start: row.start_offset,
      end: row.end_offset,
      // Passages are what someone already judged relevant: a little ahead of letters with the same words.
      score: row.score * 1.2,
      sortDate: row.letter_date,
      text: row.quote,
    })),
  }
}

async function searchRecommendations({ db, fullText }: Engine, match: string, context: FilterContext, need: number): Promise<KindResult> {
  const condition = recommendationCondition(context, 'recommendation')
  const { total, capped } = await countCapped((limit) => fullText.countRecommendations(db, match, condition, limit))
  const rows = await fullText.recommendations(db, match, condition, context.cycle?.id ?? -1, need)
  return {
    total,
    capped,
    windowed: false,
    rows: rows.map((row) => ({
      kind: 'recommendation',
      id: row.id,
      letterId: null,
      recommendationId: row.id,
      cycleId: context.cycle?.id ?? null,
      title: `${row.number} ${row.title}`,
      subject: null,
      organisation: null,
      group: null,
      date: null,
      format: null,
      status: parseStatus(row.status ?? 'Not yet assessed'),
      start: null,
      end: null,
      score: row.score * 1.1,
      sortDate: null,
      text: row.text,
    })),
  }
}

async function searchNarratives({ db, fullText }: Engine, match: string, context: FilterContext, sort: SearchSort, need: number): Promise<KindResult> {
  const condition = recommendationCondition(context, 'narrative')
  const { total, capped } = await countCapped((limit) => fullText.countNarratives(db, match, condition, limit))
  const rows = await fullText.narratives(db, match, condition, sort, need)
  return {
    total,
    capped,
    windowed: false,
    rows: rows.map((row) => ({
      kind: 'narrative',
      id: row.id,
      letterId: null,
      recommendationId: row.recommendation_id,
      cycleId: row.cycle_id,
      title: `${row.cycle}: recommendation ${row.number}`,
      subject: null,
      organisation: null,
      group: null,
      date: null,
      format: null,
      status: parseStatus(row.status),
      start: null,
      end: null,
      score: row.score,
      sortDate: row.starts_on,
      text: narrativePlainText(row.narrative),
    })),
  }
}

/** Fills in the page's letters and passages (letter details read now, for these rows only) and every row's snippet. */
async function completePage(db: Db, rows: Candidate[], highlight: HighlightTerm[]): Promise<SearchHit[]> {
  const letters = await lettersForPage(db, [...new Set(rows.filter((r) => r.kind === 'letter' || r.kind === 'passage').map((r) => r.letterId!))])
  const numbers = await linkedNumbersOfPassages(db, rows.filter((r) => r.kind === 'passage').map((r) => r.id))
  return rows.map((row) => {
    const letter = row.letterId === null ? undefined : letters.get(row.letterId)
    let full: Candidate = row
    if (letter && row.kind === 'letter') full = letterCandidate(letter, row.score)
    if (letter && row.kind === 'passage') {
      const linked = numbers.get(row.id)
      full = { ...letterCandidate(letter, row.score), ...row, title: `${letter.subject ?? letter.file_name}${linked ? ` — linked to ${linked}` : ''}`, subject: letter.subject, organisation: letter.organisation, group: letter.grp, date: letter.letter_date, format: letter.format as LetterFormat }
    }
    const { sortDate: _sortDate, text, ...hit } = full
    const body = text ?? null
    return { ...hit, score: significant(hit.score), snippet: highlight.length > 0 ? highlightSnippet(body, highlight) : openingParts(body) }
  })
}

/**
 * A score as shown: four significant figures. Results are ordered by the full scores first — bm25
 * gives a word in most letters a weight of about a millionth, so rounding to decimal places made
 * every such letter score 0 and the page fell back to date order.
 */
function significant(score: number): number {
  return Number(score.toPrecision(4))
}
