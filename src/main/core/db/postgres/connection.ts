// Opens a PostgreSQL database named by a URL (postgres://USER[:PASSWORD]@HOST:PORT/DB, with
// ?sslmode=… honoured by pg) through a pg Pool and Kysely's PostgresDialect, and offers it as the
// DatabasePort of the PostgreSQL engine.
import pg from 'pg'
import { Kysely, PostgresDialect } from 'kysely'
import type { Db } from '../database'
import type { DatabasePort } from '../port'
import type { Database } from '../schema'
import { dumpDatabase } from './dump'
import { postgresFullText } from './full-text'
import { integrityProblems } from './integrity'
import { migrateToLatest, readSchemaVersion } from './migrate'

export interface PostgresConnection extends DatabasePort {
  readonly engine: 'postgres'
  db: Db
}

/** Whether a database "path" names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(path: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(path)
}

/**
 * Counts and sums come back from PostgreSQL as bigint or numeric, which pg hands over as strings
 * (they may not fit a JavaScript number). The app's counts always fit, and the repositories expect
 * numbers as SQLite gives them, so these two types are read as numbers on this pool only.
 */
const NUMBER_TYPES = new Set([20 /* int8 */, 1700 /* numeric */])
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (NUMBER_TYPES.has(oid) && format !== 'binary') return (value: string) => Number(value)
    return pg.types.getTypeParser(oid, format)
  },
} as pg.CustomTypesConfig

/** Connections a desktop keeps open at most; the core does one thing at a time, a few at once. */
const POOL_SIZE = 8

export async function openPostgres(url: string): Promise<PostgresConnection> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, types, application_name: 'Progress Desk' })
  // An idle client's error (the server restarting, say) would otherwise crash the process.
  pool.on('error', () => undefined)
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  let version: number
  try {
    version = await readSchemaVersion(db)
  } catch (error) {
    await db.destroy()
    throw error
  }
  const connection: PostgresConnection = {
    engine: 'postgres',
    db,
    schemaVersion: () => version,
    migrate: async (options) => {
      const outcome = await migrateToLatest(db, options)
      version = outcome.to
      return outcome
    },
    integrityProblems: () => integrityProblems(db),
    backupTo: (path) => dumpDatabase(url, path),
    fullText: postgresFullText,
    close: () => db.destroy(),
  }
  return connection
}
