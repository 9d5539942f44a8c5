// The history slice of the contract: the audit log, each item's history, and undo/redo. The undo
// sessions live here: one per person, all starting when the core was made, so one person's
// Ctrl+Z never undoes another's change.
import type { historyContract } from '../../../shared/api/history'
import type { HandlerDeps, SliceHandlers } from '../handler-deps'
import { recentAudit } from './audit-queries'
import { itemHistory } from './history-queries'
import { UndoSession } from './undo-session'

export function historyHandlers({ ctx, auditIdAtStart }: HandlerDeps): SliceHandlers<typeof historyContract> {
  const sessions = new Map<string, UndoSession>()
  const sessionOf = (actor: string) => {
    let session = sessions.get(actor)
    if (!session) sessions.set(actor, (session = new UndoSession(ctx, actor, auditIdAtStart)))
    return session
  }
  return {
    'audit.recent': ({ limit }) => recentAudit(ctx, limit),
    'history.forItem': ({ entity, entityId, limit }) => itemHistory(ctx.db, entity, entityId, limit ?? 100),
    'history.state': (_input, { actor }) => sessionOf(actor).state(),
    'history.undo': (_input, { actor }) => sessionOf(actor).undo(),
    'history.redo': (_input, { actor }) => sessionOf(actor).redo(),
  }
}
