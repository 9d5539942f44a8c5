// Schema v11: audit_subjects by audit row. Its primary key starts with the item (entity, id), which
// serves an item's history; but after every write call the change events read the items that
// call's audit rows concern (events/committed-changes-repository.ts), by audit id — without this
// index a scan of the whole table, about 3 ms a call at 50 000 letters and growing with the archive.
import { sql, type Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- runs before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`CREATE INDEX audit_subjects_by_audit ON audit_subjects(audit_id)`).execute(db)
}
