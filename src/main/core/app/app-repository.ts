// The app's own SQL: how much the archive holds, for the window's first look.
import type { Executor } from '../db/database'

export async function rowCount(db: Executor, table: 'letters' | 'recommendations' | 'organisations'): Promise<number> {
  return (await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n
}
