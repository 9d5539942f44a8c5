// The annual progress summary (Word), its settings and outline, the register export, and opening
// what was exported.
import { z } from 'zod'
import type { ExportResult, ExportSettings, GroupPreamble, SummaryOutline } from '../domain/dto'
import { id, ifVersion, method, none, text } from './define'

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
  /** Writes the Word file. With nothing assessed in the cycle the file has no sections: it is
   *  written with a `warning`, or refused when `allowEmpty` is false (the CLI without --allow-empty). */
  'summary.export': method<ExportResult>()(summaryOptions.extend({ allowEmpty: z.boolean().optional() }).strict()),
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
  /** Each stakeholder group's framing paragraph in a cycle (default the latest); text '' when none. */
  'summary.preambles': method<GroupPreamble[]>()(z.object({ cycleId: id.optional() }).strict()),
  /** Sets a group's framing paragraph for a cycle (light markup as in narratives; '' removes it). */
  'summary.setPreamble': method<GroupPreamble>()(z.object({ groupId: id, cycleId: id, text: text(20_000), ifVersion: ifVersion.optional() }).strict()),
  'register.export': method<ExportResult>()(z.object({ format: z.enum(['csv', 'xlsx']) }).strict()),
  /** Opens a document exported in this session in the system's word processor or spreadsheet. */
  'files.openExport': method<{ opened: boolean }>()(z.object({ path: text(4_000) }).strict()),
} as const
