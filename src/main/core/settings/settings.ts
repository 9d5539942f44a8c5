// Small key/value settings stored in the database, so they travel with it (and its backups).
// Changing one is audited like any other change.
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import type { Db } from '../db/database'
import { settingValue, storeSetting } from './settings-repository'

export const SETTING = {
  firstRunChoice: 'app.firstRunChoice',
} as const

export async function getSetting(db: Db, key: string): Promise<string | null> {
  return (await settingValue(db, key)) ?? null
}

export async function setSetting(ctx: CoreContext, key: string, value: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await settingValue(trx, key)
    if (before === value) return
    await storeSetting(trx, key, value)
    await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: 'Changed setting', entity: 'setting', entityId: null, before: before !== undefined ? { key, value: before } : null, after: { key, value } })
  })
}
