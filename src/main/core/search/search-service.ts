// One search over letters, passages, recommendations and narratives. Each kind is searched in
// its own FTS5 table with bm25() ranking; the kinds are then merged and one page is cut. The
// expensive parts are kept to the page: snippets are computed only for the page returned, and
// each kind fetches only as many ranked rows as the page needs (ORDER BY … LIMIT). For a query
// matching very many letters, ranking is done within the newest RANK_WINDOW matches (a bounded
// candidate set), so a search for a common word stays fast on 50 000 letters.
import { sql, type RawBuilder } from 'kysely'
import type { LetterFormat } from '../../../shared/domain/dto'
import type { SearchFilters, SearchHit, SearchKind, SearchResults, SearchSort } from '../../../shared/domain/review-dto'
import { AppError } from '../../../shared/api/errors'
import { parseStatus } from '../../../shared/domain/status'
import type { CoreContext } from '../context'
import { listCycles } from '../cycles/cycle-service'
import type { Db } from '../db/connection'
import { parseSearchQuery } from './fts-query'
import { kindApplies, letterConditions, recommendationConditions, where, type FilterContext } from './search-filters'
import { HIT_END, HIT_START, openingParts, SNIPPET_TOKENS, snippetParts } from './snippet'

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
/** Matches counted exactly up to this many; beyond, the total says "at least". */
export const COUNT_CAP = 10_000
/** With more matching letters than this, relevance is ranked among the newest this many. */
export const RANK_WINDOW = 2_000

const KINDS: SearchKind[] = ['letter', 'passage', 'recommendation', 'narrative']
/** Column weights for bm25: a word in a letter's subject counts three times one in its body. */
const LETTER_BM25 = sql`bm25(letters_fts, 3.0, 1.0)`
const RECOMMENDATION_BM25 = sql`bm25(recommendations_fts, 5.0, 3.0, 1.0)`

interface Candidate extends Omit<SearchHit, 'snippet'> {
  sortDate: string | null
  /** Text to show when there is no query (and so no snippet). */
  opening?: string | null
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

  const counts: Record<SearchKind, number> = { letter: 0, passage: 0, recommendation: 0, narrative: 0 }
  let capped = false
  let windowed = false
  const candidates: Candidate[] = []
  // Without words to look for, the search lists letters by the filters alone.
  const kinds = parsed.match === null ? (['letter'] as SearchKind[]) : KINDS.filter((k) => kindApplies(k, filters))
  for (const kind of kinds) {
    const result = await searchKind(ctx.db, kind, parsed.match, context, sort, need)
    counts[kind] = result.total
    capped ||= result.capped
    windowed ||= result.windowed
    candidates.push(...result.rows)
  }

  const ordered = sort === 'date' ? candidates.sort(byDate) : candidates.sort((a, b) => b.score - a.score || byDate(a, b))
  const pageRows = ordered.slice((page - 1) * pageSize, need)
  const snippets = await snippetsFor(ctx.db, pageRows, parsed.match)
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
    items: pageRows.map(({ sortDate: _d, opening, ...row }) => ({ ...row, snippet: snippets.get(key(row)) ?? openingParts(opening ?? null) })),
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

async function countCapped(db: Db, from: RawBuilder<unknown>): Promise<{ total: number; capped: boolean }> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} LIMIT ${COUNT_CAP + 1})`.execute(db)
  const n = rows[0]?.n ?? 0
  return { total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP }
}

interface LetterRow {
  id: number
  letter_date: string | null
  subject: string | null
  file_name: string
  format: string
  organisation: string | null
  grp: string | null
  score: number
  body_start?: string
}

function letterCandidate(row: LetterRow): Candidate {
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
    score: round(row.score),
    sortDate: row.letter_date,
    opening: row.body_start ?? null,
  }
}

async function searchLetters(db: Db, match: string, context: FilterContext, sort: SearchSort, need: number): Promise<KindResult> {
  const conditions = where(letterConditions(context))
  const from = sql`letters_fts JOIN letters l ON l.id = letters_fts.rowid LEFT JOIN organisations o ON o.id = l.organisation_id WHERE letters_fts MATCH ${match} AND ${conditions}`
  const { total, capped } = await countCapped(db, from)
  let window = sql`1`
  let windowed = false
  if (sort === 'relevance' && total > RANK_WINDOW) {
    // Rank within the newest RANK_WINDOW matches: FTS5 walks its index by rowid cheaply, while
    // computing bm25 for tens of thousands of rows would not be.
    const { rows } = await sql<{ id: number }>`SELECT letters_fts.rowid AS id FROM ${from} ORDER BY letters_fts.rowid DESC LIMIT 1 OFFSET ${RANK_WINDOW - 1}`.execute(db)
    if (rows[0]) {
      window = sql`letters_fts.rowid >= ${rows[0].id}`
      windowed = true
    }
  }
  const order = sort === 'date' ? sql`l.letter_date IS NULL, l.letter_date DESC, l.id DESC` : sql`${LETTER_BM25}`
  const { rows } = await sql<LetterRow>`
    SELECT l.id, l.letter_date, l.subject, l.file_name, l.format, o.name AS organisation, g.name AS grp, -${LETTER_BM25} AS score
    FROM letters_fts JOIN letters l ON l.id = letters_fts.rowid
      LEFT JOIN organisations o ON o.id = l.organisation_id LEFT JOIN stakeholder_groups g ON g.id = o.group_id
    WHERE letters_fts MATCH ${match} AND ${conditions} AND ${window}
    ORDER BY ${order} LIMIT ${need}`.execute(db)
  return { total, capped, windowed, rows: rows.map(letterCandidate) }
}

/** No words, only filters: letters newest first, with the opening of each as its snippet. */
async function listLetters(db: Db, context: FilterContext, need: number): Promise<KindResult> {
  const conditions = where(letterConditions(context))
  const { total, capped } = await countCapped(db, sql`letters l LEFT JOIN organisations o ON o.id = l.organisation_id WHERE ${conditions}`)
  const { rows } = await sql<LetterRow>`
    SELECT l.id, l.letter_date, l.subject, l.file_name, l.format, o.name AS organisation, g.name AS grp, 0 AS score, substr(l.body_text, 1, 400) AS body_start
    FROM letters l LEFT JOIN organisations o ON o.id = l.organisation_id LEFT JOIN stakeholder_groups g ON g.id = o.group_id
    WHERE ${conditions}
    ORDER BY l.letter_date IS NULL, l.letter_date DESC, l.id DESC LIMIT ${need}`.execute(db)
  return { total, capped, windowed: false, rows: rows.map(letterCandidate) }
}

async function searchPassages(db: Db, match: string, context: FilterContext, sort: SearchSort, need: number): Promise<KindResult> {
  const conditions = where(letterConditions(context))
  const from = sql`passages_fts JOIN passages p ON p.id = passages_fts.rowid JOIN letters l ON l.id = p.letter_id LEFT JOIN organisations o ON o.id = l.organisation_id WHERE passages_fts MATCH ${match} AND ${conditions}`
  const { total, capped } = await countCapped(db, from)
  const order = sort === 'date' ? sql`l.letter_date IS NULL, l.letter_date DESC, p.id DESC` : sql`bm25(passages_fts)`
  const { rows } = await sql<{ id: number; letter_id: number; start_offset: number; end_offset: number; letter_date: string | null; subject: string | null; file_name: string; format: string; organisation: string | null; grp: string | null; score: number; numbers: string }>`
    SELECT p.id, p.letter_id, p.start_offset, p.end_offset, l.letter_date, l.subject, l.file_name, l.format, o.name AS organisation, g.name AS grp, -bm25(passages_fts) AS score,
      (SELECT group_concat(r.number, ', ') FROM links k JOIN recommendations r ON r.id = k.recommendation_id WHERE k.passage_id = p.id) AS numbers
    FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid JOIN letters l ON l.id = p.letter_id
      LEFT JOIN organisations o ON o.id = l.organisation_id LEFT JOIN stakeholder_groups g ON g.id = o.group_id
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
      title: `${row.subject ?? row.file_name}${row.numbers ? ` — linked to ${row.numbers}` : ''}`,
      subject: row.subject,
      organisation: row.organisation,
      group: row.grp,
      date: row.letter_date,
      format: row.format as LetterFormat,
      status: null,
      start: row.start_offset,
      end: row.end_offset,
      // Passages are what someone already judged relevant: a little ahead of letters with the same words.
      score: round(row.score * 1.2),
      sortDate: row.letter_date,
    })),
  }
}

async function searchRecommendations(db: Db, match: string, context: FilterContext, need: number): Promise<KindResult> {
  const conditions = where(recommendationConditions(context, 'recommendation'))
  const from = sql`recommendations_fts JOIN recommendations r ON r.id = recommendations_fts.rowid WHERE recommendations_fts MATCH ${match} AND ${conditions}`
  const { total, capped } = await countCapped(db, from)
  const cycleId = context.cycle?.id ?? -1
  const { rows } = await sql<{ id: number; number: string; title: string; status: string | null; score: number }>`
    SELECT r.id, r.number, r.title, (SELECT status FROM assessments WHERE recommendation_id = r.id AND cycle_id = ${cycleId}) AS status, -${RECOMMENDATION_BM25} AS score
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
    })),
  }
}

async function searchNarratives(db: Db, match: string, context: FilterContext, sort: SearchSort, need: number): Promise<KindResult> {
  const conditions = where(recommendationConditions(context, 'narrative'))
  const from = sql`assessments_fts JOIN assessments a ON a.id = assessments_fts.rowid JOIN recommendations r ON r.id = a.recommendation_id WHERE assessments_fts MATCH ${match} AND ${conditions}`
  const { total, capped } = await countCapped(db, from)
  const order = sort === 'date' ? sql`c.starts_on IS NULL, c.starts_on DESC, a.id DESC` : sql`bm25(assessments_fts)`
  const { rows } = await sql<{ id: number; recommendation_id: number; cycle_id: number; cycle: string; starts_on: string | null; number: string; status: string; score: number }>`
    SELECT a.id, a.recommendation_id, a.cycle_id, c.name AS cycle, c.starts_on, r.number, a.status, -bm25(assessments_fts) AS score
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
    })),
  }
}

function key(row: { kind: SearchKind; id: number }): string {
  return `${row.kind}:${row.id}`
}

/** Snippets for the page only: one query per kind, for the ids on the page. */
async function snippetsFor(db: Db, rows: Candidate[], match: string | null): Promise<Map<string, ReturnType<typeof snippetParts>>> {
  const out = new Map<string, ReturnType<typeof snippetParts>>()
  if (match === null) return out
  const tables: Record<SearchKind, string> = { letter: 'letters_fts', passage: 'passages_fts', recommendation: 'recommendations_fts', narrative: 'assessments_fts' }
  for (const kind of KINDS) {
    const ids = rows.filter((r) => r.kind === kind).map((r) => r.id)
    if (ids.length === 0) continue
    const table = sql.table(tables[kind])
    const { rows: found } = await sql<{ id: number; snippet: string | null }>`
      SELECT rowid AS id, snippet(${table}, -1, ${HIT_START}, ${HIT_END}, '…', ${SNIPPET_TOKENS}) AS snippet
      FROM ${table} WHERE ${table} MATCH ${match} AND rowid IN (${sql.join(ids)})`.execute(db)
    for (const row of found) out.set(`${kind}:${row.id}`, snippetParts(row.snippet))
  }
  return out
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000
}
