// Full-text search on PostgreSQL: the `*_search` tables of migration 0001 (a tsvector per row,
// GIN-indexed, kept by triggers), to_tsquery over the match expression translated by tsquery.ts,
// and ts_rank_cd for ranking. The same questions as db/sqlite/full-text.ts, shaped alike: the
// index finds the matching ids, filters are checked per id, ranking runs within a window.
// Scores differ from SQLite's bm25 (a different formula); the order of clear winners does not.
import { sql, type RawBuilder } from 'kysely'
import type { Executor } from '../database'
import type { FullTextSearch, LetterIdFilter, NarrativeMatch, PassageMatch, RecommendationMatch, SqlCondition } from '../full-text'
import { toTsQuery } from './tsquery'

/** Weights for ts_rank_cd, as {D, C, B, A}: a letter's subject (A) counts three times its body (D). */
const LETTER_WEIGHTS = '{0.1, 0, 0, 0.3}'
/** A recommendation's number (A) 5, title (B) 3, text (D) 1, as SQLite's bm25 weights. */
const RECOMMENDATION_WEIGHTS = '{0.1, 0, 0.3, 0.5}'
/** Divides a rank by 1 + log(length): long letters do not win by length alone (bm25 does likewise). */
const LENGTH_NORMALISATION = 1

const ALL = sql`TRUE`

function query(match: string): RawBuilder<unknown> {
  return sql`to_tsquery('progress_desk', ${toTsQuery(match)})`
}

function rank(document: RawBuilder<unknown>, match: string, weights?: string): RawBuilder<number> {
  return weights === undefined
    ? sql<number>`ts_rank_cd(${document}, ${query(match)}, ${LENGTH_NORMALISATION})`
    : sql<number>`ts_rank_cd(${weights}::float4[], ${document}, ${query(match)}, ${LENGTH_NORMALISATION})`
}

function letterFilter(filter: LetterIdFilter | null, letterId: RawBuilder<unknown>): SqlCondition {
  return filter === null ? ALL : filter(letterId)
}

async function countUpTo(db: Executor, from: RawBuilder<unknown>, limit: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${from} LIMIT ${limit}) AS counted`.execute(db)
  return rows[0]?.n ?? 0
}

export const postgresFullText: FullTextSearch = {
  bestLetterHits(match, window, limit) {
    return sql`SELECT newest.id FROM (SELECT s.id, ${rank(sql`s.document`, match)} AS score FROM letters_search s WHERE s.document @@ ${query(match)} ORDER BY s.id DESC LIMIT ${window}) AS newest
      ORDER BY newest.score DESC, newest.id DESC LIMIT ${limit}`
  },

  async letterWordsStartingWith(db, prefix, limit) {
    const { rows } = await sql<{ term: string }>`
      SELECT term FROM letters_vocabulary WHERE term >= ${prefix} AND term < ${prefix + '\u{10FFFF}'} ORDER BY term LIMIT ${limit}`.execute(db)
    return rows.map((r) => r.term)
  },

  async countLetters(db, match) {
    return (await sql<{ n: number }>`SELECT count(*)::int AS n FROM letters_search WHERE document @@ ${query(match)}`.execute(db)).rows[0]?.n ?? 0
  },

  async newestLetterIds(db, match, filter, limit) {
    const filtered = letterFilter(filter, sql`s.id`)
    const { rows } = await sql<{ id: number }>`SELECT s.id FROM letters_search s WHERE s.document @@ ${query(match)} AND ${filtered} ORDER BY s.id DESC LIMIT ${limit}`.execute(db)
    return rows.map((r) => r.id)
  },

  async lettersByDate(db, match, filter, limit) {
    // NULLS LAST: SQLite sorts an undated letter below every date, PostgreSQL above unless told.
    const filtered = letterFilter(filter, sql`s.id`)
    const { rows } = await sql<{ id: number; letter_date: string | null }>`
      SELECT l.id, l.letter_date FROM letters l
      WHERE l.id IN (SELECT s.id FROM letters_search s WHERE s.document @@ ${query(match)} AND ${filtered})
      ORDER BY l.letter_date DESC NULLS LAST, l.id DESC LIMIT ${limit}`.execute(db)
    return rows
  },

  async rankLetters(db, match, filter, window, limit) {
    const filtered = letterFilter(filter, sql`s.id`)
    const score = rank(sql`s.document`, match, LETTER_WEIGHTS)
    const { rows } = await sql<{ id: number; score: number }>`
      SELECT newest.id, newest.score FROM (
        SELECT s.id, ${score} AS score FROM letters_search s
        WHERE s.document @@ ${query(match)} AND ${filtered}
        ORDER BY s.id DESC LIMIT ${window}) AS newest
      ORDER BY newest.score DESC, newest.id DESC LIMIT ${limit}`.execute(db)
    return rows
  },

  async countPassages(db, match, filter, limit) {
    const conditions = letterFilter(filter, sql`p.letter_id`)
    return countUpTo(db, sql`passages_search s JOIN passages p ON p.id = s.id WHERE s.document @@ ${query(match)} AND ${conditions}`, limit)
  },

  async passages(db, match, filter, order, limit) {
    const conditions = letterFilter(filter, sql`p.letter_id`)
    const orderBy = order === 'date' ? sql`letter_date IS NULL, letter_date DESC, p.id DESC` : sql`score DESC, p.id DESC`
    const date = order === 'date' ? sql`(SELECT letter_date FROM letters WHERE id = p.letter_id)` : sql`NULL::text`
    const { rows } = await sql<PassageMatch>`
    SELECT p.id, p.letter_id, p.start_offset, p.end_offset, p.quote, ${date} AS letter_date, ${rank(sql`s.document`, match)} AS score
    FROM passages_search s JOIN passages p ON p.id = s.id
    WHERE s.document @@ ${query(match)} AND ${conditions}
    ORDER BY ${orderBy} LIMIT ${limit}`.execute(db)
    return rows
  },

  async countRecommendations(db, match, condition, limit) {
    return countUpTo(db, sql`recommendations_search s JOIN recommendations r ON r.id = s.id WHERE s.document @@ ${query(match)} AND ${condition ?? ALL}`, limit)
  },

  async recommendations(db, match, condition, cycleId, limit) {
    const { rows } = await sql<RecommendationMatch>`
    SELECT r.id, r.number, r.title, r.text, (SELECT status FROM assessments WHERE recommendation_id = r.id AND cycle_id = ${cycleId}) AS status,
      ${rank(sql`s.document`, match, RECOMMENDATION_WEIGHTS)} AS score
    FROM recommendations_search s JOIN recommendations r ON r.id = s.id
    WHERE s.document @@ ${query(match)} AND ${condition ?? ALL}
    ORDER BY score DESC, r.id LIMIT ${limit}`.execute(db)
    return rows
  },

  async countNarratives(db, match, condition, limit) {
    return countUpTo(db, sql`assessments_search s JOIN assessments a ON a.id = s.id JOIN recommendations r ON r.id = a.recommendation_id WHERE s.document @@ ${query(match)} AND ${condition ?? ALL}`, limit)
  },

  async narratives(db, match, condition, order, limit) {
    const orderBy = order === 'date' ? sql`c.starts_on IS NULL, c.starts_on DESC, a.id DESC` : sql`score DESC, a.id DESC`
    const { rows } = await sql<NarrativeMatch>`
    SELECT a.id, a.recommendation_id, a.cycle_id, c.name::text AS cycle, c.starts_on, r.number, a.status, a.narrative, ${rank(sql`s.document`, match)} AS score
    FROM assessments_search s JOIN assessments a ON a.id = s.id JOIN recommendations r ON r.id = a.recommendation_id JOIN cycles c ON c.id = a.cycle_id
    WHERE s.document @@ ${query(match)} AND ${condition ?? ALL}
    ORDER BY ${orderBy} LIMIT ${limit}`.execute(db)
    return rows
  },
}
