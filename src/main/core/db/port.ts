// What is engine-specific about the database, behind one interface: opening it is the engine's
// own function; after that the core asks the port to migrate, check, back up and close, and hands
// `db` (Kysely) to the repositories. SQLite (sqlite/) is the engine today; a team server
// (PostgreSQL) implements the same port. Services never see the engine.
import type { AppError } from '../../../shared/api/errors'
import type { ChangedEvent } from '../../../shared/api/events'
import type { Db } from './database'
import type { FullTextSearch } from './full-text'

export interface MigrationOutcome {
  from: number
  to: number
}

export interface DatabasePort {
  readonly engine: 'sqlite' | 'postgres'
  /** Kysely over the engine: the handle every repository takes. */
  readonly db: Db
  /** The schema version the database is at (0 for a new, empty one). */
  schemaVersion(): number
  /** Brings the schema up to date in one transaction; refuses a database from a newer version. */
  migrate(options?: { backupBeforeMigrating?: (fromVersion: number) => Promise<void> }): Promise<MigrationOutcome>
  /** The engine's own consistency checks (pages, foreign keys, search indexes): one sentence a problem. */
  integrityProblems(): Promise<string[]>
  /** A consistent copy of the whole database at `path`, even while others write. */
  backupTo(path: string): Promise<void>
  /** The engine's full-text search (SQLite: FTS5 and bm25), over any Executor of this engine. */
  readonly fullText: FullTextSearch
  /** A team database's relay of committed changes to the other desktops on it (absent on SQLite). */
  readonly changes?: ChangeRelay
  /** The engine's failures a person can act on (a server that cannot be reached), as one AppError. */
  explainError?(error: unknown): AppError | null
  close(): Promise<void>
}

/** Carries committed changes between the cores on one database. */
export interface ChangeRelay {
  /** Tells the other cores of a change this core committed. */
  announce(event: ChangedEvent): Promise<void>
  /** Hears the other cores' changes until stopped; `ready` once it is listening. */
  listen(onEvent: (event: ChangedEvent) => void): ChangeListener
}

export interface ChangeListener {
  readonly ready: Promise<void>
  stop(): Promise<void>
}
