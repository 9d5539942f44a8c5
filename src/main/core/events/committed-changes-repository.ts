// What a call's audit rows touched, read back after the call: only rows that were committed are
// found. Callers keep each list of ids within the engine's limit on bound parameters.
import type { Executor } from '../db/database'

export interface TouchedItem {
  entity: string
  entity_id: number | null
}

/** The item each of these audit rows was written against, of those the actor wrote. */
export async function itemsOfAuditRows(db: Executor, auditIds: readonly number[], actor: string): Promise<TouchedItem[]> {
  return db.selectFrom('audit_log').select(['entity', 'entity_id']).where('id', 'in', auditIds).where('actor', '=', actor).execute()
}

/** Every further item these audit rows concern (a link's letter, say). */
export async function subjectsOfAuditRows(db: Executor, auditIds: readonly number[]): Promise<TouchedItem[]> {
  return db.selectFrom('audit_subjects').select(['entity', 'entity_id']).where('audit_id', 'in', auditIds).execute()
}
