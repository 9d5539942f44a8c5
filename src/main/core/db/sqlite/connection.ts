// Opens the one SQLite connection of the process, wraps it in Kysely, and offers it as the
// DatabasePort of the SQLite engine.
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDatabase } from 'kysely'
import type { Db } from '../database'
import type { DatabasePort } from '../port'
import type { Database } from '../schema'
import { sqliteFullText } from './full-text'
import { integrityProblems } from './integrity'
import { migrateToLatest, schemaVersion } from './migrate'

export type { Db } from '../database'

/** The SQLite engine's DatabasePort; `sqlite` is the raw handle, for this folder and the tests. */
export interface Connection extends DatabasePort {
  readonly engine: 'sqlite'
  sqlite: BetterSqlite3.Database
  db: Db
}

export const REQUIRED_PRAGMAS = {
  journal_mode: 'wal',
  synchronous: 2, // FULL: a committed letter survives a power cut, not only a crash
  foreign_keys: 1,
} as const

export function openConnection(path: string): Connection {
  const sqlite = new BetterSqlite3(path)
  try {
    // WAL lets readers (search) run while an import writes; :memory: databases stay "memory".
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    // Reading the schema proves the file is a database before anything else touches it.
    sqlite.prepare('SELECT count(*) FROM sqlite_schema').get()
  } catch (error) {
    sqlite.close()
    throw error
  }
  const db = new Kysely<Database>({ dialect: new KeepFirstErrorDialect(sqlite) })
  const connection: Connection = {
    engine: 'sqlite',
    sqlite,
    db,
    schemaVersion: () => schemaVersion(connection),
    migrate: (options) => migrateToLatest(connection, options),
    integrityProblems: async () => integrityProblems(sqlite),
    backupTo: async (path) => {
      await sqlite.backup(path)
    },
    fullText: sqliteFullText,
    close: () => db.destroy(),
  }
  return connection
}

/**
 * After SQLITE_FULL or an I/O error SQLite may already have rolled the transaction back; Kysely's
 * own ROLLBACK then fails with "no transaction is active" and hides the real cause. This driver
 * only rolls back what is still open, so the first error reaches the person.
 */
class KeepFirstErrorDialect extends SqliteDialect {
  constructor(private readonly sqlite: BetterSqlite3.Database) {
    super({ database: sqlite })
  }

  override createDriver(): Driver {
    const sqlite = this.sqlite
    return new (class extends SqliteDriver {
      override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
        if (sqlite.inTransaction) await super.rollbackTransaction(connection)
      }
    })({ database: withStatementCache(sqlite) })
  }
}

/** How many distinct statements are kept prepared; the app's queries number a few hundred. */
export const STATEMENT_CACHE_SIZE = 500

/**
 * Kysely prepares every query afresh; preparing costs as much as running a small query, and an
 * import runs the same dozen statements for every letter. Statements are kept by their SQL text
 * (least recently used dropped first). One still being read row by row (a stream) is busy and
 * cannot be run again meanwhile, so a second copy is prepared for that one call.
 */
export function withStatementCache(sqlite: BetterSqlite3.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>()
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const held = cache.get(sql)
      if (held?.busy) return sqlite.prepare(sql)
      cache.delete(sql) // re-inserted below as the most recently used
      const statement = held ?? sqlite.prepare(sql)
      cache.set(sql, statement)
      if (cache.size > size) cache.delete(cache.keys().next().value!)
      return statement
    },
  }
}
