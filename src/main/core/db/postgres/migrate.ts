// Brings a PostgreSQL database up to this build's schema in one transaction: PostgreSQL's DDL is
// transactional, so a failure half-way leaves the database as it was. The version is a row of
// `schema_version`, written in the same transaction. Two desktops starting at once: the first
// takes an advisory lock and migrates, the second waits for it, then finds nothing to do.
import { sql } from 'kysely'
import { AppError } from '../../../../shared/api/errors'
import type { Db, Executor } from '../database'
import type { MigrationOutcome } from '../port'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations'

/** Any constant shared by every Progress Desk client: the key of the migration lock. */
const MIGRATION_LOCK = 7_140_014

export async function readSchemaVersion(db: Executor): Promise<number> {
  // Asked first rather than caught: inside a transaction a failed SELECT would abort it.
  const exists = await sql<{ found: boolean }>`SELECT to_regclass('schema_version') IS NOT NULL AS found`.execute(db)
  if (!exists.rows[0]?.found) return 0
  const { rows } = await sql<{ version: number }>`SELECT version FROM schema_version`.execute(db)
  return rows[0]?.version ?? 0
}

function refuseNewer(version: number): void {
  if (version > LATEST_SCHEMA_VERSION) {
    throw new AppError(
      'conflict',
      `This database was written by a newer version of Progress Desk (schema ${version}; this version knows ${LATEST_SCHEMA_VERSION}). Update Progress Desk to open it; the database has not been changed.`,
    )
  }
}

export async function migrateToLatest(
  db: Db,
  options: { backupBeforeMigrating?: (fromVersion: number) => Promise<void> } = {},
): Promise<MigrationOutcome> {
  const before = await readSchemaVersion(db)
  refuseNewer(before)
  if (before === LATEST_SCHEMA_VERSION) return { from: before, to: before }
  if (before > 0) await options.backupBeforeMigrating?.(before)
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx)
    const from = await readSchemaVersion(trx) // another client may have migrated meanwhile
    refuseNewer(from)
    if (from === LATEST_SCHEMA_VERSION) return { from, to: from }
    if (from === 0) await sql`CREATE TABLE schema_version (version integer NOT NULL)`.execute(trx)
    for (const migration of MIGRATIONS.slice(from)) await migration.up(trx)
    await sql`DELETE FROM schema_version`.execute(trx)
    await sql`INSERT INTO schema_version (version) VALUES (${LATEST_SCHEMA_VERSION})`.execute(trx)
    return { from, to: LATEST_SCHEMA_VERSION }
  })
}
