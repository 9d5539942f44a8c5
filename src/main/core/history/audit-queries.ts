import type { AuditEntry } from '../../../shared/domain/dto'
import type { CoreContext } from '../context'
import { newestAuditRows } from './audit-repository'

export async function recentAudit(ctx: CoreContext, limit: number): Promise<AuditEntry[]> {
  const rows = await newestAuditRows(ctx.db, limit)
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    summary: summarise(row.action, row.after_json),
  }))
}

function summarise(action: string, afterJson: string | null): string {
  if (!afterJson) return action
  const after = JSON.parse(afterJson) as Record<string, unknown>
  const label = after.name ?? after.fileName ?? after.status ?? after.number ?? ''
  return label ? `${action}: ${String(label)}` : action
}
