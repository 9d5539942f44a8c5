// The audit log's SQL that is not about one item's history: where the log stands now.
import type { Executor } from '../db/database'

/** The id of the newest audit row (0 for an empty log): undo sessions start after it. */
export async function lastAuditId(db: Executor): Promise<number> {
  const row = await db.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst()
  return row?.id ?? 0
}
