// Writing the audit log: one row a change, and one audit_subjects row for each item it concerns.
// (Reading it is history/audit-repository.ts.)
import type { Insertable } from 'kysely'
import type { Executor } from '../db/database'
import type { Database } from '../db/schema'

/** Inserts an audit row and returns its id. */
export async function insertAuditRow(db: Executor, row: Insertable<Database['audit_log']>): Promise<number> {
  const { id } = await db.insertInto('audit_log').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

/** Notes that audit row `auditId` concerns the item, so that the item's history shows it. */
export async function insertAuditSubject(db: Executor, auditId: number, entity: string, entityId: number): Promise<void> {
  await db.insertInto('audit_subjects').values({ entity, entity_id: entityId, audit_id: auditId }).execute()
}
