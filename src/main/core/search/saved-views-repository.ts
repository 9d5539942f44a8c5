// The saved_views table: what saved-views.ts reads (its writes go through the change recorder).
import type { Executor } from '../db/database'

export async function allSavedViews(db: Executor) {
  return db.selectFrom('saved_views').selectAll().orderBy('name').execute()
}

export async function savedViewIdByName(db: Executor, name: string): Promise<number | undefined> {
  return (await db.selectFrom('saved_views').select('id').where('name', '=', name).executeTakeFirst())?.id
}
