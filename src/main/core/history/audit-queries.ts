// The newest audited changes, for the audit list: the history entries without their rows' contents.
import type { AuditEntry } from '../../../shared/domain/dto'
import type { CoreContext } from '../context'
import { recentHistory } from './history-queries'

export async function recentAudit(ctx: CoreContext, limit: number): Promise<AuditEntry[]> {
  const entries = await recentHistory(ctx.db, limit)
  return entries.map(({ id, at, actor, action, entity, entityId, summary }) => ({ id, at, actor, action, entity, entityId, summary }))
}
