// Small key/value settings stored in the database, so they travel with it (and its backups).
import type { CoreContext } from '../context'
import type { Db } from '../db/connection'

export const SETTING = {
  firstRunChoice: 'app.firstRunChoice',
  exportTitle: 'export.title',
  exportIntroduction: 'export.introduction',
  exportGroupOrder: 'export.groupOrder',
} as const

export async function getSetting(db: Db, key: string): Promise<string | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst()
  return row?.value ?? null
}

export async function setSetting(ctx: CoreContext, key: string, value: string): Promise<void> {
  await ctx.db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute()
}
