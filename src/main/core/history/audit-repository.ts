// Reading the audit log: where it stands now, the newest rows, one item's rows, and the rows an
// undo session has not seen yet. (Writing it is audit/audit-repository.ts.)
import { sql, type Selectable } from 'kysely'
import type { Executor } from '../db/database'
import type { Database } from '../db/schema'

export type AuditRow = Selectable<Database['audit_log']>

/** The id of the newest audit row (0 for an empty log): undo sessions start after it. */
export async function lastAuditId(db: Executor): Promise<number> {
  const row = await db.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst()
  return row?.id ?? 0
}

/** The newest `limit` audit rows, newest first. */
export async function newestAuditRows(db: Executor, limit: number): Promise<AuditRow[]> {
  return db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit).execute()
}

/** The newest `limit` rows audited against the item or touching a row that refers to it (audit_subjects), newest first. */
export async function auditRowsConcerning(db: Executor, entity: string, entityId: number, limit: number): Promise<AuditRow[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('entity', '=', entity), eb('entity_id', '=', entityId)]),
        eb('id', 'in', eb.selectFrom('audit_subjects').select('audit_id').where('entity', '=', entity).where('entity_id', '=', entityId)),
      ]),
    )
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

/** The actor's rows with a change set (the undoable ones) after `afterId`, oldest first. */
export async function undoableAuditRowsAfter(db: Executor, afterId: number, actor: string) {
  return db
    .selectFrom('audit_log')
    .select(['id', 'action', 'entity', 'entity_id', 'changes_json'])
    .where('id', '>', afterId)
    .where('actor', '=', actor)
    .where(sql<boolean>`changes_json IS NOT NULL`)
    .orderBy('id')
    .execute()
}
