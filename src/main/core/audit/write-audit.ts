// Every write also writes an audit row, in the same transaction, so history cannot drift from data.
import type { Trx } from '../db/database'
import { subjectsOf, type RowChange } from '../history/changes'
import { noteAuditRow } from '../rpc/call-scope'
import { insertAuditRow, insertAuditSubject } from './audit-repository'

export interface AuditInput {
  at: string
  actor: string
  action: string
  entity: string
  entityId: number | null
  before?: unknown
  after?: unknown
  /** The rows the change touched (from a ChangeRecorder): makes the change undoable. */
  changes?: readonly RowChange[]
}

/** Writes the audit row and returns its id. */
export async function writeAudit(trx: Trx, entry: AuditInput): Promise<number> {
  const id = await insertAuditRow(trx, {
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    changes_json: entry.changes && entry.changes.length > 0 ? JSON.stringify(entry.changes) : null,
  })
  noteAuditRow(id)
  // Every item the change concerns, so that each one's history shows it (a link's letter, say).
  const subjects = new Map<string, { entity: string; entityId: number }>()
  if (entry.entityId !== null) subjects.set(`${entry.entity}:${entry.entityId}`, { entity: entry.entity, entityId: entry.entityId })
  for (const change of entry.changes ?? []) for (const s of subjectsOf(change)) subjects.set(`${s.entity}:${s.entityId}`, s)
  for (const s of subjects.values()) await insertAuditSubject(trx, id, s.entity, s.entityId)
  return id
}
