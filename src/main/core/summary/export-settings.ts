// The progress summary's settings, stored as one JSON value in the settings table. Defaults fill
// whatever was never set, so older databases and partial updates both read as complete settings.
import { z } from 'zod'
import type { ExportSettings } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import type { CoreContext } from '../context'
import type { Db } from '../db/database'
import { groupsInUse, reorderGroups } from '../organisations/group-order'
import { getSetting, setSetting } from '../settings/settings'

export const DEFAULT_SUMMARY_TITLE = 'Summary of progress made against the report’s recommendations'
const KEY = 'export.settings'

const margin = z.number().min(5).max(60)
export const exportSettingsSchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    introduction: z.string().max(20_000),
    groupOrder: z.array(z.string().min(1).max(100)).max(50),
    includeAnnex: z.boolean(),
    includeCorrespondence: z.boolean(),
    footnotes: z.boolean(),
    fontFamily: z.string().trim().min(1).max(60),
    fontSizePt: z.number().min(8).max(16),
    marginsMm: z.object({ top: margin, right: margin, bottom: margin, left: margin }).strict(),
    author: z.string().trim().max(200),
  })
  .strict()

/**
 * The settings; `groupOrder` is the stakeholder groups' own order (the one the dashboard shows),
 * without the groups that have nothing to report on.
 */
export async function getExportSettings(db: Db): Promise<ExportSettings> {
  const groups = (await groupsInUse(db)).map((g) => g.name)
  const defaults: ExportSettings = {
    title: DEFAULT_SUMMARY_TITLE,
    introduction: '',
    groupOrder: groups,
    includeAnnex: true,
    includeCorrespondence: false,
    footnotes: true,
    fontFamily: 'Arial',
    fontSizePt: 12,
    marginsMm: { top: 25, right: 25, bottom: 25, left: 25 },
    author: 'Committee secretariat',
  }
  // An order saved here before schema v7 was moved onto the groups by that migration.
  const { groupOrder: _stored, ...stored } = JSON.parse((await getSetting(db, KEY)) ?? '{}') as Partial<ExportSettings>
  return { ...defaults, ...stored, groupOrder: groups }
}

/** Saves the settings; a new `groupOrder` reorders the groups themselves (one undoable change). */
export async function saveExportSettings(ctx: CoreContext, changes: Partial<ExportSettings>): Promise<ExportSettings> {
  const parsed = exportSettingsSchema.safeParse({ ...(await getExportSettings(ctx.db)), ...changes })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new AppError('invalid_input', `The export setting ${issue?.path.join('.') || ''} is not valid: ${issue?.message ?? 'unknown problem'}.`)
  }
  if (changes.groupOrder !== undefined) await reorderGroups(ctx, changes.groupOrder)
  const { groupOrder: _order, ...rest } = parsed.data
  await setSetting(ctx, KEY, JSON.stringify(rest))
  return getExportSettings(ctx.db)
}
