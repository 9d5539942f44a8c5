// Turns the audit rows a call wrote into its `changed` event. Only rows that are in the database
// once the call is over count: a transaction that rolled back left none, so no event claims a
// change that did not happen.
import type { ChangedEvent } from '../../../shared/api/events'
import type { Db } from '../db/database'
import type { CallScope } from '../rpc/call-scope'
import { itemsOfAuditRows, subjectsOfAuditRows } from './committed-changes-repository'

const SLICE = 500

export async function committedChanges(db: Db, scope: CallScope, at: string): Promise<ChangedEvent | null> {
  const ids = new Map<string, Set<number>>()
  const add = (kind: string, id: number | null) => {
    let set = ids.get(kind)
    if (!set) ids.set(kind, (set = new Set()))
    if (id !== null) set.add(id)
  }
  // In slices, so that a call that wrote thousands of rows (the demonstration data) stays within
  // the engine's limit on bound parameters.
  for (let start = 0; start < scope.auditIds.length; start += SLICE) {
    const slice = scope.auditIds.slice(start, start + SLICE)
    const rows = await itemsOfAuditRows(db, slice, scope.actor)
    for (const row of rows) add(row.entity, row.entity_id)
    const subjects = await subjectsOfAuditRows(db, slice)
    for (const row of subjects) add(row.entity, row.entity_id)
  }
  for (const kind of scope.wholeKinds) add(kind, null)
  if (ids.size === 0) return null
  const kinds = [...ids.keys()].sort()
  return { kinds, ids: Object.fromEntries(kinds.map((kind) => [kind, [...ids.get(kind)!].sort((a, b) => a - b)])), actor: scope.actor, at }
}
