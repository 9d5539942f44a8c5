// The app's own SQL: how much the archive holds, for the window's first look.
import type { Executor } from '../db/database'

export async function rowCount(db: Executor, table: 'recommendations' | 'organisations'): Promise<number> {
  return (await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n
}

/** Letters outside the bin. */
export async function letterCount(db: Executor): Promise<number> {
  return (await db.selectFrom('letters').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow()).n
}
