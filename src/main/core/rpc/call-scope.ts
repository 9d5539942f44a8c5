// What belongs to one call rather than to the core: who is acting, and what the call wrote. The
// dispatcher opens a scope around each handler; services read the actor through ctx.actor and the
// audit writer notes each row here, so neither has to be handed the call by every function between.
import { AsyncLocalStorage } from 'node:async_hooks'

export interface CallScope {
  actor: string
  /** Audit rows written during the call (committed or not: the dispatcher checks which stand). */
  auditIds: number[]
  /** Kinds changed without an audit row of their own (a restore replaces the whole database). */
  wholeKinds: Set<string>
  /**
   * Announces what the call has committed so far and forgets it, so that a long call (an import)
   * is heard piece by piece rather than only at its end. Set by the dispatcher when anyone listens.
   */
  announce?: () => Promise<void>
}

const storage = new AsyncLocalStorage<CallScope>()

export function runInCall<T>(actor: string, work: (scope: CallScope) => Promise<T>): Promise<T> {
  const scope: CallScope = { actor, auditIds: [], wholeKinds: new Set() }
  return storage.run(scope, () => work(scope))
}

export function currentCall(): CallScope | undefined {
  return storage.getStore()
}

/** Called by the audit writer for every row, so the call's change event can name what it touched. */
export function noteAuditRow(id: number): void {
  storage.getStore()?.auditIds.push(id)
}

/** For a change that no audit row describes: everything of `kind` may have changed. */
export function noteWholeChange(kind: string): void {
  storage.getStore()?.wholeKinds.add(kind)
}

/**
 * Announces the changes the call has committed so far (each group of an import as it lands). Call
 * it only between transactions: rows of one still open would be dropped from the call's event.
 */
export async function announceSoFar(): Promise<void> {
  await storage.getStore()?.announce?.()
}
