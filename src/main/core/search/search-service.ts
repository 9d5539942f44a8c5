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
import { sql, type RawBuilder } from 'kysely'
import type { LetterFormat } from '../../../shared/domain/dto'
import type { SearchFilters, SearchHit, SearchKind, SearchResults, SearchSort } from '../../../shared/domain/review-dto'
import { AppError } from '../../../shared/api/errors'
import { narrativePlainText } from '../../../shared/domain/narrative'
import { parseStatus } from '../../../shared/domain/status'
import type { CoreContext } from '../context'
import { listCycles } from '../cycles/cycle-service'
import type { Db } from '../db/database'
import { parseSearchQuery, type HighlightTerm } from './fts-query'
import { highlightSnippet } from './highlight'
import { expandPrefixes } from './prefix-expansion'
import { kindApplies, letterConditions, letterIdConditions, recommendationConditions, where, type FilterContext } from './search-filters'
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
/** Column weights for bm25: a word in a letter's subject counts three times one in its body. */
const LETTER_BM25 = sql`bm25(letters_fts, 3.0, 1.0)`
const RECOMMENDATION_BM25 = sql`bm25(recommendations_fts, 5.0, 3.0, 1.0)`

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
  const context = await filterContext(ctx.db, filters)
  // Letters, by far the largest index, are searched with prefixes spelt out as their words.
  const lettersMatch = parsed.prefixWords.length > 0 && kindApplies('letter', filters) ? parseSearchQuery(input.query, await expandPrefixes(ctx.db, parsed.prefixWords)).match : parsed.match

  const counts: Record<SearchKind, number> = { letter: 0, passage: 0, recommendation: 0, narrative: 0 }
  let capped = false
  let windowed = false
  const candidates: Candidate[] = []
  // Without words to look for, the search lists letters by the filters alone.
  const kinds = parsed.match === null ? (['letter'] as SearchKind[]) : KINDS.filter((k) => kindApplies(k, filters))
  for (const kind of kinds) {
    const result = await searchKind(ctx.db, kind, kind === 'letter' ? lettersMatch : parsed.match, context, sort, need)
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
  if (input.query.trim() !== '' && parsed.match === null) notice = 'There were no words to search for, so the letters are listed by the filters alone.'
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

async function filterContext(db: Db, filters: SearchFilters): Promise<FilterContext> {
  const cycles = await listCycles(db)
  const cycle = filters.cycleId !== undefined ? (cycles.find((c) => c.id === filters.cycleId) ?? null) : (cycles[0] ?? null)
  if (filters.cycleId !== undefined && !cycle) throw new AppError('not_found', `There is no reporting cycle with id ${filters.cycleId}.`)
  let groupId: number | null = null
  if (filters.group !== undefined) {
    groupId = (await db.selectFrom('stakeholder_groups').select('id').where('name', '=', filters.group).executeTakeFirst())?.id ?? null
  }
  return { filters, cycle, groupId }
}

async function searchKind(db: Db, kind: SearchKind, match: string | null, context: FilterContext, sort: SearchSort, need: number): Promise<KindResult> {
  switch (kind) {
    case 'letter':
      return match === null ? listLetters(db, context, need) : searchLetters(db, match, context, sort, need)
    case 'passage':
      return searchPassages(db, match!, context, sort, need)
    case 'recommendation':
      return searchRecommendations(db, match!, context, need)
    case 'narrative':
      return searchNarratives(db, match!, context, sort, need)
  }
}

async function countCapped(db: Db, from: RawBuilder<unknown>, cap = COUNT_CAP): Promise<{ total: number; capped: boolean }> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} LIMIT ${cap + 1})`.execute(db)
  const n = rows[0]?.n ?? 0
  return { total: Math.min(n, cap), capped: n > cap }
}

interface LetterRow {
  id: number
  letter_date: string | null
  subject: string | null
  file_name: string
  format: string
  organisation: string | null
  grp: string | null
  body_text?: string
}

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
    score: round(score),
    sortDate: row.letter_date,
    text: row.body_text ?? null,
  }
}

/** Metadata (and text, for snippets) of the letters on the page, in the order given. */
async function letterRows(db: Db, ids: number[]): Promise<Map<number, LetterRow>> {
  if (ids.length === 0) return new Map()
  const { rows } = await sql<LetterRow>`
    SELECT l.id, l.letter_date, l.subject, l.file_name, l.format, o.name AS organisation, g.name AS grp, l.body_text
    FROM letters l LEFT JOIN organisations o ON o.id = l.organisation_id LEFT JOIN stakeholder_groups g ON g.id = o.group_id
    WHERE l.id IN (${sql.join(ids)})`.execute(db)
  return new Map(rows.map((r) => [r.id, r]))
}

async function searchLetters(db: Db, match: string, context: FilterContext, sort: SearchSort, need: number): Promise<KindResult> {
  const conditions = letterIdConditions(context, sql`letters_fts.rowid`)
  const filtered = where(conditions)
  let total: number
  let capped = false
  let threshold: number | null = null
  if (conditions.length === 0) {
    // Unfiltered, the index counts every match in a millisecond or two.
    total = (await sql<{ n: number }>`SELECT count(*) AS n FROM letters_fts WHERE letters_fts MATCH ${match}`.execute(db)).rows[0]?.n ?? 0
    if (sort === 'relevance' && total > RANK_WINDOW) {
      threshold = (await sql<{ id: number }>`SELECT rowid AS id FROM letters_fts WHERE letters_fts MATCH ${match} ORDER BY rowid DESC LIMIT 1 OFFSET ${RANK_WINDOW - 1}`.execute(db)).rows[0]?.id ?? null
    }
  } else {
    // Filtered: one pass over the newest matches that pass the filters gives the count (up to
    // RANK_WINDOW, beyond which it is "at least") and the edge of the ranking window.
    const { rows } = await sql<{ id: number }>`SELECT letters_fts.rowid AS id FROM letters_fts WHERE letters_fts MATCH ${match} AND ${filtered} ORDER BY letters_fts.rowid DESC LIMIT ${RANK_WINDOW + 1}`.execute(db)
    capped = rows.length > RANK_WINDOW
    total = Math.min(rows.length, RANK_WINDOW)
    if (capped) threshold = rows[RANK_WINDOW - 1]!.id
  }
  if (total === 0) return { total, capped, windowed: false, rows: [] }

  let ranked: { id: number; score: number; letter_date?: string | null }[]
  if (sort === 'date') {
    // Newest first: walk the date index and keep the ids in the (once-built) set of matches.
    const { rows } = await sql<{ id: number; letter_date: string | null }>`
      SELECT l.id, l.letter_date FROM letters l INDEXED BY letters_by_date
      WHERE l.id IN (SELECT letters_fts.rowid FROM letters_fts WHERE letters_fts MATCH ${match} AND ${filtered})
      ORDER BY l.letter_date DESC, l.id DESC LIMIT ${need}`.execute(db)
    ranked = rows.map((r) => ({ id: r.id, score: 0, letter_date: r.letter_date }))
  } else {
    const window = threshold === null ? sql`1` : sql`letters_fts.rowid >= ${threshold}`
    const { rows } = await sql<{ id: number; score: number }>`
      SELECT letters_fts.rowid AS id, -${LETTER_BM25} AS score FROM letters_fts
      WHERE letters_fts MATCH ${match} AND ${filtered} AND ${window}
      ORDER BY ${LETTER_BM25} LIMIT ${need}`.execute(db)
    ranked = rows
  }
  return { total, capped, windowed: threshold !== null, rows: ranked.map((r) => letterCandidate({ ...placeholder(r.id), letter_date: r.letter_date ?? null }, r.score)) }
}

/** A letter known by id only until the page is cut; its details are read for the page alone. */
function placeholder(id: number): LetterRow {
  return { id, letter_date: null, subject: null, file_name: '', format: 'txt', organisation: null, grp: null }
}

/** No words, only filters: letters newest first, with the opening of each as its snippet. */
async function listLetters(db: Db, context: FilterContext, need: number): Promise<KindResult> {
  const { columns, byId } = letterConditions(context)
  const conditions = where([...columns('l'), ...byId(sql`l.id`)])
  const { total, capped } = await countCapped(db, sql`letters l WHERE ${conditions}`, 1_000_000)
  const { rows } = await sql<{ id: number; letter_date: string | null }>`
    SELECT l.id, l.letter_date FROM letters l WHERE ${conditions}
    ORDER BY l.letter_date DESC, l.id DESC LIMIT ${need}`.execute(db)
  return { total, capped, windowed: false, rows: rows.map((r) => letterCandidate({ ...placeholder(r.id), letter_date: r.letter_date }, 0)) }
}

async function searchPassages(db: Db, match: string, context: FilterContext, sort: SearchSort, need: number): Promise<KindResult> {
  const conditions = where(letterIdConditions(context, sql`p.letter_id`))
  const from = sql`passages_fts JOIN passages p ON p.id = passages_fts.rowid WHERE passages_fts MATCH ${match} AND ${conditions}`
  const { total, capped } = await countCapped(db, from)
  const order = sort === 'date' ? sql`letter_date IS NULL, letter_date DESC, p.id DESC` : sql`bm25(passages_fts)`
  // The letter's date only when sorting by it: reading letter rows for every match is what costs.
  const date = sort === 'date' ? sql`(SELECT letter_date FROM letters WHERE id = p.letter_id)` : sql`NULL`
  const { rows } = await sql<{ id: number; letter_id: number; start_offset: number; end_offset: number; quote: string; letter_date: string | null; score: number }>`
    SELECT p.id, p.letter_id, p.start_offset, p.end_offset, p.quote, ${date} AS letter_date, -bm25(passages_fts) AS score
    FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid
    WHERE passages_fts MATCH ${match} AND ${conditions}
    ORDER BY ${order} LIMIT ${need}`.execute(db)
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
      score: round(row.score * 1.2),
      sortDate: row.letter_date,
      text: row.quote,
    })),
  }
}

async function searchRecommendations(db: Db, match: string, context: FilterContext, need: number): Promise<KindResult> {
  const conditions = where(recommendationConditions(context, 'recommendation'))
  const from = sql`recommendations_fts JOIN recommendations r ON r.id = recommendations_fts.rowid WHERE recommendations_fts MATCH ${match} AND ${conditions}`
  const { total, capped } = await countCapped(db, from)
  const cycleId = context.cycle?.id ?? -1
  const { rows } = await sql<{ id: number; number: string; title: string; text: string; status: string | null; score: number }>`
    SELECT r.id, r.number, r.title, r.text, (SELECT status FROM assessments WHERE recommendation_id = r.id AND cycle_id = ${cycleId}) AS status, -${RECOMMENDATION_BM25} AS score
    FROM recommendations_fts JOIN recommendations r ON r.id = recommendations_fts.rowid
    WHERE recommendations_fts MATCH ${match} AND ${conditions}
    ORDER BY ${RECOMMENDATION_BM25} LIMIT ${need}`.execute(db)
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
      score: round(row.score * 1.1),
      sortDate: null,
      text: row.text,
    })),
  }
}

async function searchNarratives(db: Db, match: string, context: FilterContext, sort: SearchSort, need: number): Promise<KindResult> {
  const conditions = where(recommendationConditions(context, 'narrative'))
  const from = sql`assessments_fts JOIN assessments a ON a.id = assessments_fts.rowid JOIN recommendations r ON r.id = a.recommendation_id WHERE assessments_fts MATCH ${match} AND ${conditions}`
  const { total, capped } = await countCapped(db, from)
  const order = sort === 'date' ? sql`c.starts_on IS NULL, c.starts_on DESC, a.id DESC` : sql`bm25(assessments_fts)`
  const { rows } = await sql<{ id: number; recommendation_id: number; cycle_id: number; cycle: string; starts_on: string | null; number: string; status: string; narrative: string; score: number }>`
    SELECT a.id, a.recommendation_id, a.cycle_id, c.name AS cycle, c.starts_on, r.number, a.status, a.narrative, -bm25(assessments_fts) AS score
    FROM assessments_fts JOIN assessments a ON a.id = assessments_fts.rowid JOIN recommendations r ON r.id = a.recommendation_id JOIN cycles c ON c.id = a.cycle_id
    WHERE assessments_fts MATCH ${match} AND ${conditions}
    ORDER BY ${order} LIMIT ${need}`.execute(db)
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
      score: round(row.score),
      sortDate: row.starts_on,
      text: narrativePlainText(row.narrative),
    })),
  }
}

/** Fills in the page's letters and passages (letter details read now, for these rows only) and every row's snippet. */
async function completePage(db: Db, rows: Candidate[], highlight: HighlightTerm[]): Promise<SearchHit[]> {
  const letters = await letterRows(db, [...new Set(rows.filter((r) => r.kind === 'letter' || r.kind === 'passage').map((r) => r.letterId!))])
  const numbers = await passageNumbers(db, rows.filter((r) => r.kind === 'passage').map((r) => r.id))
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
    return { ...hit, snippet: highlight.length > 0 ? highlightSnippet(body, highlight) : openingParts(body) }
  })
}

/** "12, 12b": the recommendations each passage on the page is linked to. */
async function passageNumbers(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const { rows } = await sql<{ id: number; numbers: string }>`
    SELECT k.passage_id AS id, group_concat(r.number, ', ') AS numbers FROM links k JOIN recommendations r ON r.id = k.recommendation_id
    WHERE k.passage_id IN (${sql.join(ids)}) GROUP BY k.passage_id`.execute(db)
  return new Map(rows.map((r) => [r.id, r.numbers]))
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000
}
