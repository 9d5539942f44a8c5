// Small key/value settings stored in the database, so they travel with it (and its backups).
// Changing one is audited like any other change.
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import type { Db } from '../db/database'

export const SETTING = {
  firstRunChoice: 'app.firstRunChoice',
} as const

export async function getSetting(db: Db, key: string): Promise<string | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst()
  return row?.value ?? null
}

export async function setSetting(ctx: CoreContext, key: string, value: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst()
    if (before?.value === value) return
    await trx
      .insertInto('settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute()
    await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: 'Changed setting', entity: 'setting', entityId: null, before: before ? { key, value: before.value } : null, after: { key, value } })
  })
}
