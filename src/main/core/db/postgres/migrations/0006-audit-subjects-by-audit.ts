// PostgreSQL schema v6 (SQLite's 0011): audit_subjects by audit row, for the change events read
// after every write call. See the SQLite migration for why.
import { sql, type Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- runs before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`CREATE INDEX audit_subjects_by_audit ON audit_subjects(audit_id)`).execute(db)
}
