// The annual progress summary (Word), its settings and outline, the register export, and opening
// what was exported.
import { z } from 'zod'
import type { ExportResult, ExportSettings, SummaryOutline } from '../domain/dto'
import { id, method, none, text } from './define'

const summaryOptions = z
  .object({
    cycleId: id.optional(),
    groups: z.array(text(100)).max(50).optional(),
    includeAnnex: z.boolean().optional(),
    includeCorrespondence: z.boolean().optional(),
    footnotes: z.boolean().optional(),
  })
  .strict()

export const summaryContract = {
  'summary.export': method<ExportResult>()(summaryOptions),
  'summary.outline': method<SummaryOutline>()(summaryOptions),
  'summary.settings': method<ExportSettings>()(none),
  'summary.saveSettings': method<ExportSettings>()(
    z
      .object({
        title: text(300).optional(),
        introduction: text(20_000).optional(),
        groupOrder: z.array(text(100)).max(50).optional(),
        includeAnnex: z.boolean().optional(),
        includeCorrespondence: z.boolean().optional(),
        footnotes: z.boolean().optional(),
        fontFamily: text(60).optional(),
        fontSizePt: z.number().min(8).max(16).optional(),
        marginsMm: z.object({ top: z.number(), right: z.number(), bottom: z.number(), left: z.number() }).strict().optional(),
        author: text(200).optional(),
      })
      .strict(),
  ),
  'register.export': method<ExportResult>()(z.object({ format: z.enum(['csv', 'xlsx']) }).strict()),
  /** Opens a document exported in this session in the system's word processor or spreadsheet. */
  'files.openExport': method<{ opened: boolean }>()(z.object({ path: text(4_000) }).strict()),
} as const
