// Every write also writes an audit row, in the same transaction, so history cannot drift from data.
import type { Transaction } from 'kysely'
import type { Database } from '../db/schema'

export interface AuditInput {
  at: string
  actor: string
  action: string
  entity: string
  entityId: number | null
  before?: unknown
  after?: unknown
}

export async function writeAudit(trx: Transaction<Database>, entry: AuditInput): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute()
}
