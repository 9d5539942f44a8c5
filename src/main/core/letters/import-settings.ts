// Import limits a secretariat may change (stored as settings, so they travel with the database).
import type { Db } from '../db/connection'
import { getSetting } from '../settings/settings'
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
