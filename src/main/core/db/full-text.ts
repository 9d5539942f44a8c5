// What the search needs from an engine's full-text index, and nothing about how the engine does it
// (SQLite: FTS5 tables, MATCH, bm25; PostgreSQL: tsvector columns with GIN, a tsquery, ts_rank_cd).
// The search service decides what to ask (count, ranking window, page) and cuts the page; the
// engine answers each question with the query shape that is fast on its own index.
//
// Conventions every method keeps:
//  - `match` is a search expression as fts-query.ts writes it: quoted terms ("code"), a prefix
//    star after the quotes ("poli" *), parentheses, AND, OR and NOT. It is never empty and never
//    a syntax error for the engine that implements this.
//  - A higher `score` is a better match; scores are comparable within one kind only.
//  - Filters come from the search's repository as SQL conditions. A letter filter is a function
//    of the engine's expression for a letter's id; recommendation and narrative conditions refer
//    to the aliases `r` (recommendations) and, for narratives, `a` (assessments). `null` means
//    no filter.
//  - `limit` caps the rows (or, for counts, the rows counted: a count of `limit` means "at least").
import type { RawBuilder } from 'kysely'
import type { Executor } from './database'

export type SqlCondition = RawBuilder<unknown>
/** Conditions on a letter, given the engine's expression for the letter's id. */
export type LetterIdFilter = (letterId: RawBuilder<unknown>) => SqlCondition
export type FullTextOrder = 'relevance' | 'date'

export interface RankedId {
  id: number
  score: number
}

export interface DatedId {
  id: number
  letter_date: string | null
}

export interface PassageMatch {
  id: number
  letter_id: number
  start_offset: number
  end_offset: number
  quote: string
  /** The letter's date when ordered by date; null otherwise (reading it for every match costs). */
  letter_date: string | null
  score: number
}

export interface RecommendationMatch {
  id: number
  number: string
  title: string
  text: string
  /** Its status in the cycle asked about; null when it has no assessment there. */
  status: string | null
  score: number
}

export interface NarrativeMatch {
  id: number
  recommendation_id: number
  cycle_id: number
  cycle: string
  starts_on: string | null
  number: string
  status: string
  narrative: string
  score: number
}

export interface FullTextSearch {
  /**
   * A subquery (not yet run) giving the `id` of the best matching letters among the newest
   * `window` matches, by the engine's plain ranking (no column weights), at most `limit`: the
   * suggestions' candidates.
   */
  bestLetterHits(match: string, window: number, limit: number): RawBuilder<unknown>
  /** Words of the letters' index starting with `prefix` (already folded), in the index's order. */
  letterWordsStartingWith(db: Executor, prefix: string, limit: number): Promise<string[]>
  /** Every letter matching, counted through the index alone (no filters). */
  countLetters(db: Executor, match: string): Promise<number>
  /** Ids of the newest matching letters that pass `filter`, highest id first. */
  newestLetterIds(db: Executor, match: string, filter: LetterIdFilter | null, limit: number): Promise<number[]>
  /** Matching letters that pass `filter`, newest letter date first (undated last), then highest id. */
  lettersByDate(db: Executor, match: string, filter: LetterIdFilter | null, limit: number): Promise<DatedId[]>
  /**
   * Matching letters that pass `filter`, best first (ties: highest id first), among the newest
   * `window` of them (newest = highest id). One pass: the window is the newest matches read in
   * the index's own order, not a range of ids found first, which the engine would check for
   * every match of the archive (measured in docs/ARCHITECTURE-NOTES.md, "Ranking window").
   */
  rankLetters(db: Executor, match: string, filter: LetterIdFilter | null, window: number, limit: number): Promise<RankedId[]>
  /** Passages matching whose letter passes `filter`. */
  countPassages(db: Executor, match: string, filter: LetterIdFilter | null, limit: number): Promise<number>
  /** Best first, or by their letter's date (newest first, undated last, then highest id). */
  passages(db: Executor, match: string, filter: LetterIdFilter | null, order: FullTextOrder, limit: number): Promise<PassageMatch[]>
  countRecommendations(db: Executor, match: string, condition: SqlCondition | null, limit: number): Promise<number>
  /** Best first, each with its status in cycle `cycleId`. */
  recommendations(db: Executor, match: string, condition: SqlCondition | null, cycleId: number, limit: number): Promise<RecommendationMatch[]>
  countNarratives(db: Executor, match: string, condition: SqlCondition | null, limit: number): Promise<number>
  /** Best first, or by their cycle's start (newest first, undated last, then highest id). */
  narratives(db: Executor, match: string, condition: SqlCondition | null, order: FullTextOrder, limit: number): Promise<NarrativeMatch[]>
}
