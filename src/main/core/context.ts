// What every service needs: the database, the time (injected so tests and exports are
// repeatable) and who is acting (recorded in the audit log).
import type { Db } from './db/database'
import type { FullTextSearch } from './db/full-text'
import type { Extractor } from './letters/worker/extractor'

export interface CoreContext {
  db: Db
  now(): string
  actor: string
  /** Counts database replacements (restores): what was remembered about the old file is stale. */
  databaseGeneration?: number
  /** Reads letters' text: worker threads in the app and CLI; in-process when absent (tests). */
  extractor?: Extractor
  /** The engine's full-text search (the DatabasePort's); the search refuses to run without it. */
  fullText?: FullTextSearch
}
