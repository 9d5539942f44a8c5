// Opens a PostgreSQL database named by a URL (postgres://USER[:PASSWORD]@HOST:PORT/DB, with
// ?sslmode=… read as libpq reads it, client-options.ts) through a pg Pool and Kysely's
// PostgresDialect, and offers it as the DatabasePort of the PostgreSQL engine.
import pg from 'pg'
import { Kysely, PostgresDialect } from 'kysely'
import type { Db } from '../database'
import type { DatabasePort } from '../port'
import type { Database } from '../schema'
import { postgresChangeRelay } from './change-relay'
import { describeServer, postgresClientOptions } from './client-options'
import { dumpDatabase } from './dump'
import { postgresFullText } from './full-text'
import { integrityProblems } from './integrity'
import { migrateToLatest, readSchemaVersion } from './migrate'
import { explainUnreachable } from './unreachable'

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
/** How long to wait for a connection before saying the server cannot be reached. */
const CONNECT_TIMEOUT_MS = 10_000

export async function openPostgres(url: string): Promise<PostgresConnection> {
  const options = postgresClientOptions(url)
  const server = describeServer(url)
  const explainError = (error: unknown) => explainUnreachable(error, server)
  const pool = new pg.Pool({ ...options, max: POOL_SIZE, types, application_name: 'Progress Desk', connectionTimeoutMillis: CONNECT_TIMEOUT_MS })
  // A client's error (the server restarting, the network gone) would otherwise crash the process:
  // the pool catches an idle client's, and a client lent to a query has no listener of its own
  // (Kysely adds none) while its query already receives the error.
  pool.on('error', () => undefined)
  pool.on('connect', (client) => client.on('error', () => undefined))
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  let version: number
  try {
    version = await readSchemaVersion(db)
  } catch (error) {
    await db.destroy()
    throw explainError(error) ?? error
  }
  const connection: PostgresConnection = {
    engine: 'postgres',
    db,
    schemaVersion: () => version,
    migrate: async (migrateOptions) => {
      const outcome = await migrateToLatest(db, migrateOptions)
      version = outcome.to
      return outcome
    },
    integrityProblems: () => integrityProblems(db),
    backupTo: (path) => dumpDatabase(url, path),
    fullText: postgresFullText,
    changes: postgresChangeRelay(db, options),
    explainError,
    close: () => db.destroy(),
  }
  return connection
}
