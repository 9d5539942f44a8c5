// Full-text search on SQLite: the FTS5 tables of migration 0004 (letters_fts, passages_fts,
// recommendations_fts, assessments_fts, kept in sync by triggers) with bm25() ranking, and the
// fts5vocab table letters_vocabulary of migration 0005. The queries are shaped for 50 000 letters
// (docs/ARCHITECTURE-NOTES.md, "Speed at 50 000 letters"):
//  - the index drives every letter query; filters are checked per matching id (letters_fts.rowid);
//  - ranking runs within a window of the newest matches, with ORDER BY … LIMIT;
//  - sorting by date walks the date index (letters_by_date) and keeps the ids in the match set;
//  - a letter's date is read for passages only when sorting by it.
import { sql, type RawBuilder } from 'kysely'
import type { Executor } from '../database'
import type { FullTextSearch, LetterIdFilter, NarrativeMatch, PassageMatch, RecommendationMatch, SqlCondition } from '../full-text'

/** Column weights for bm25: a word in a letter's subject counts three times one in its body. */
const LETTER_BM25 = sql`bm25(letters_fts, 3.0, 1.0)`
const RECOMMENDATION_BM25 = sql`bm25(recommendations_fts, 5.0, 3.0, 1.0)`

/** No filter is written `1`, so each query keeps one text (and one cached statement) whatever the filters. */
const ALL = sql`1`

function letterFilter(filter: LetterIdFilter | null, letterId: RawBuilder<unknown>): SqlCondition {
  return filter === null ? ALL : filter(letterId)
}

async function countUpTo(db: Executor, from: RawBuilder<unknown>, limit: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} LIMIT ${limit})`.execute(db)
  return rows[0]?.n ?? 0
}

export const sqliteFullText: FullTextSearch = {
  bestLetterHits(match, window, limit) {
    return sql`SELECT id FROM (SELECT rowid AS id, rank AS score FROM letters_fts WHERE letters_fts MATCH ${match} ORDER BY rowid DESC LIMIT ${window}) ORDER BY score, id DESC LIMIT ${limit}`
  },

  async letterWordsStartingWith(db, prefix, limit) {
    // The words from `prefix` up to (not including) the next string after every word with it.
    const { rows } = await sql<{ term: string }>`
      SELECT term FROM letters_vocabulary WHERE term >= ${prefix} AND term < ${prefix + '\u{10FFFF}'} LIMIT ${limit}`.execute(db)
    return rows.map((r) => r.term)
  },

  async countLetters(db, match) {
    // Unfiltered, the index counts every match in a millisecond or two.
    return (await sql<{ n: number }>`SELECT count(*) AS n FROM letters_fts WHERE letters_fts MATCH ${match}`.execute(db)).rows[0]?.n ?? 0
  },

  async newestLetterIds(db, match, filter, limit) {
    const filtered = letterFilter(filter, sql`letters_fts.rowid`)
    const { rows } = await sql<{ id: number }>`SELECT letters_fts.rowid AS id FROM letters_fts WHERE letters_fts MATCH ${match} AND ${filtered} ORDER BY letters_fts.rowid DESC LIMIT ${limit}`.execute(db)
    return rows.map((r) => r.id)
  },

  async lettersByDate(db, match, filter, limit) {
    // Newest first: walk the date index and keep the ids in the (once-built) set of matches.
    const filtered = letterFilter(filter, sql`letters_fts.rowid`)
    const { rows } = await sql<{ id: number; letter_date: string | null }>`
      SELECT l.id, l.letter_date FROM letters l INDEXED BY letters_by_date
      WHERE l.id IN (SELECT letters_fts.rowid FROM letters_fts WHERE letters_fts MATCH ${match} AND ${filtered})
      ORDER BY l.letter_date DESC, l.id DESC LIMIT ${limit}`.execute(db)
    return rows
  },

  async rankLetters(db, match, filter, window, limit) {
    // FTS5 walks the matches newest first and stops at the window; `rowid >= edge` instead would
    // still test every match of the archive (as long as counting them all).
    const filtered = letterFilter(filter, sql`letters_fts.rowid`)
    const { rows } = await sql<{ id: number; score: number }>`
      SELECT id, score FROM (
        SELECT letters_fts.rowid AS id, -${LETTER_BM25} AS score FROM letters_fts
        WHERE letters_fts MATCH ${match} AND ${filtered}
        ORDER BY letters_fts.rowid DESC LIMIT ${window})
      ORDER BY score DESC, id DESC LIMIT ${limit}`.execute(db)
    return rows
  },

  async countPassages(db, match, filter, limit) {
    const conditions = letterFilter(filter, sql`p.letter_id`)
    return countUpTo(db, sql`passages_fts JOIN passages p ON p.id = passages_fts.rowid WHERE passages_fts MATCH ${match} AND ${conditions}`, limit)
  },

  async passages(db, match, filter, order, limit) {
    const conditions = letterFilter(filter, sql`p.letter_id`)
    const orderBy = order === 'date' ? sql`letter_date IS NULL, letter_date DESC, p.id DESC` : sql`bm25(passages_fts)`
    // The letter's date only when sorting by it: reading letter rows for every match is what costs.
    const date = order === 'date' ? sql`(SELECT letter_date FROM letters WHERE id = p.letter_id)` : sql`NULL`
    const { rows } = await sql<PassageMatch>`
    SELECT p.id, p.letter_id, p.start_offset, p.end_offset, p.quote, ${date} AS letter_date, -bm25(passages_fts) AS score
    FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid
    WHERE passages_fts MATCH ${match} AND ${conditions}
    ORDER BY ${orderBy} LIMIT ${limit}`.execute(db)
    return rows
  },

  async countRecommendations(db, match, condition, limit) {
    return countUpTo(db, sql`recommendations_fts JOIN recommendations r ON r.id = recommendations_fts.rowid WHERE recommendations_fts MATCH ${match} AND ${condition ?? ALL}`, limit)
  },

  async recommendations(db, match, condition, cycleId, limit) {
    const { rows } = await sql<RecommendationMatch>`
    SELECT r.id, r.number, r.title, r.text, (SELECT status FROM assessments WHERE recommendation_id = r.id AND cycle_id = ${cycleId}) AS status, -${RECOMMENDATION_BM25} AS score
    FROM recommendations_fts JOIN recommendations r ON r.id = recommendations_fts.rowid
    WHERE recommendations_fts MATCH ${match} AND ${condition ?? ALL}
    ORDER BY ${RECOMMENDATION_BM25} LIMIT ${limit}`.execute(db)
    return rows
  },

  async countNarratives(db, match, condition, limit) {
    return countUpTo(db, sql`assessments_fts JOIN assessments a ON a.id = assessments_fts.rowid JOIN recommendations r ON r.id = a.recommendation_id WHERE assessments_fts MATCH ${match} AND ${condition ?? ALL}`, limit)
  },

  async narratives(db, match, condition, order, limit) {
    const orderBy = order === 'date' ? sql`c.starts_on IS NULL, c.starts_on DESC, a.id DESC` : sql`bm25(assessments_fts)`
    const { rows } = await sql<NarrativeMatch>`
    SELECT a.id, a.recommendation_id, a.cycle_id, c.name AS cycle, c.starts_on, r.number, a.status, a.narrative, -bm25(assessments_fts) AS score
    FROM assessments_fts JOIN assessments a ON a.id = assessments_fts.rowid JOIN recommendations r ON r.id = a.recommendation_id JOIN cycles c ON c.id = a.cycle_id
    WHERE assessments_fts MATCH ${match} AND ${condition ?? ALL}
    ORDER BY ${orderBy} LIMIT ${limit}`.execute(db)
    return rows
  },
}
