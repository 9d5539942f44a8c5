// Import limits a secretariat may change (stored as settings, so they travel with the database).
import type { ImportLimits } from '../../../shared/domain/dto'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import type { Db } from '../db/database'
import { getSetting } from '../settings/settings'
import { storeSetting } from '../settings/settings-repository'
import { DEFAULT_EXTRACT_LIMITS, type ExtractLimits } from './extractors/types'

export const IMPORT_SETTING = {
  maxFileMegabytes: 'import.maxFileMegabytes',
  timeLimitSeconds: 'import.timeLimitSeconds',
} as const

export interface ImportSettings {
  maxFileBytes: number
  timeLimitMs: number
  limits: ExtractLimits
}

export const DEFAULT_MAX_FILE_MEGABYTES = 50
/** Generous, because a scanned PDF is read page by page by OCR (about 1–2 s a page). */
export const DEFAULT_TIME_LIMIT_SECONDS = 120

export async function loadImportSettings(db: Db): Promise<ImportSettings> {
  const number = async (key: string, fallback: number) => {
    const value = Number(await getSetting(db, key))
    return Number.isFinite(value) && value > 0 ? value : fallback
  }
  return {
    maxFileBytes: Math.round((await number(IMPORT_SETTING.maxFileMegabytes, DEFAULT_MAX_FILE_MEGABYTES)) * 1024 * 1024),
    timeLimitMs: Math.round((await number(IMPORT_SETTING.timeLimitSeconds, DEFAULT_TIME_LIMIT_SECONDS)) * 1000),
    limits: DEFAULT_EXTRACT_LIMITS,
  }
}

/** The one sentence for a file over the size limit (checked before a file is read, and after). */
export { tooLarge } from '../../../shared/domain/file-size'

export async function getImportLimits(db: Db): Promise<ImportLimits> {
  const settings = await loadImportSettings(db)
  return { maxFileMegabytes: settings.maxFileBytes / 1048576, timeLimitSeconds: settings.timeLimitMs / 1000 }
}

export async function saveImportLimits(ctx: CoreContext, limits: ImportLimits): Promise<ImportLimits> {
  const before = await getImportLimits(ctx.db)
  await ctx.db.transaction().execute(async (trx) => {
    for (const [key, value] of [[IMPORT_SETTING.maxFileMegabytes, limits.maxFileMegabytes], [IMPORT_SETTING.timeLimitSeconds, limits.timeLimitSeconds]] as const) {
      await storeSetting(trx, key, String(value))
    }
    await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: 'Changed import limits', entity: 'settings', entityId: null, before, after: limits })
  })
  return getImportLimits(ctx.db)
}
