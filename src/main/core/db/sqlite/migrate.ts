// Brings a database up to the schema this build knows, in one transaction. Kysely's own Migrator
// does not wrap SQLite migrations in a transaction (its SQLite adapter reports no transactional
// DDL), so a failure half-way could leave a half-migrated file; this runner cannot.
import { sql } from 'kysely'
import { AppError } from '../../../../shared/api/errors'
import type { MigrationOutcome } from '../port'
import type BetterSqlite3 from 'better-sqlite3'
import type { Db } from '../database'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations'

export type { MigrationOutcome } from '../port'

/** What migrating needs of a connection (a structural type, so connection.ts can use this file). */
interface Handles {
  sqlite: BetterSqlite3.Database
  db: Db
}

export async function migrateToLatest(
  connection: Handles,
  options: { backupBeforeMigrating?: (fromVersion: number) => Promise<void> } = {},
): Promise<MigrationOutcome> {
  const from = schemaVersion(connection)
  if (from > LATEST_SCHEMA_VERSION) {
    throw new AppError(
      'conflict',
      `This database was written by a newer version of Progress Desk (schema ${from}; this version knows ${LATEST_SCHEMA_VERSION}). Update Progress Desk to open it; the file has not been changed.`,
    )
  }
  if (from === LATEST_SCHEMA_VERSION) return { from, to: from }
  if (from > 0) await options.backupBeforeMigrating?.(from)

  await connection.db.transaction().execute(async (trx) => {
    for (const migration of MIGRATIONS.slice(from)) await migration.up(trx)
    // user_version is transactional: it moves with the schema or not at all.
    await sql.raw(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION}`).execute(trx)
  })
  return { from, to: LATEST_SCHEMA_VERSION }
}

export function schemaVersion(connection: Handles): number {
  return connection.sqlite.pragma('user_version', { simple: true }) as number
}
