// The register of recommendations as a spreadsheet (CSV or Excel): one row per recommendation,
// its addressees, its status in every cycle and how much evidence it has.
import type { ExportResult } from '../../../shared/domain/dto'
import type { CoreContext } from '../context'
import { listCycles } from '../cycles/cycle-service'
import { listRecommendations } from '../recommendations/recommendation-queries'
import type { Host } from '../rpc/host'
import { writeAtomically } from './export-service'

export type RegisterFormat = 'csv' | 'xlsx'

export async function registerRows(ctx: CoreContext): Promise<{ header: string[]; rows: (string | number)[][] }> {
  const cycles = [...(await listCycles(ctx.db))].reverse() // oldest first, left to right
  const byCycle = await Promise.all(cycles.map(async (cycle) => new Map((await listRecommendations(ctx, cycle.id)).map((r) => [r.id, r.status]))))
  const recommendations = await listRecommendations(ctx)
  return {
    header: ['Number', 'Recommendation', 'Addressees', ...cycles.map((c) => `Status: ${c.name}`), 'Evidence (letters linked)'],
    rows: recommendations.map((r) => [r.number, r.title, r.addressees.map((a) => a.name).join('; '), ...byCycle.map((statuses) => statuses.get(r.id) ?? ''), r.evidenceCount]),
  }
}

export async function exportRegister(ctx: CoreContext, host: Host, format: RegisterFormat): Promise<ExportResult> {
  const path = await host.chooseSavePath({
    title: format === 'xlsx' ? 'Export the register to Excel' : 'Export the register as CSV',
    defaultName: `Recommendations register.${format}`,
    filters: [format === 'xlsx' ? { name: 'Excel workbook', extensions: ['xlsx'] } : { name: 'CSV (comma-separated values)', extensions: ['csv'] }],
  })
  const { header, rows } = await registerRows(ctx)
  if (!path) return { saved: false, path: null, sections: rows.length, bytes: 0 }
  const bytes = format === 'xlsx' ? await toXlsx(header, rows, ctx.now()) : toCsv(header, rows)
  await writeAtomically(path, bytes, { replace: host.confirmsReplace === true })
  return { saved: true, path, sections: rows.length, bytes: bytes.length }
}

/** RFC 4180 CSV with a byte-order mark, so that Excel reads it as UTF-8. */
export function toCsv(header: string[], rows: (string | number)[][]): Uint8Array {
  const cell = (value: string | number) => {
    const text = String(value)
    // A leading = + - @ would make a spreadsheet run it as a formula: quote it as text.
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
    return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe
  }
  const lines = [header, ...rows].map((row) => row.map(cell).join(','))
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`)
}

async function toXlsx(header: string[], rows: (string | number)[][], nowIso: string): Promise<Uint8Array> {
  // Loaded on first use: exceljs takes about a third of a second to load, which every CLI call
  // and every start of the app would otherwise pay.
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Progress Desk'
  workbook.created = new Date(nowIso)
  workbook.modified = new Date(nowIso)
  const sheet = workbook.addWorksheet('Recommendations', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.addRow(header).font = { bold: true }
  for (const row of rows) sheet.addRow(row)
  sheet.columns.forEach((column, index) => {
    column.width = index === 1 ? 50 : index === 2 ? 30 : 18
    column.alignment = { wrapText: true, vertical: 'top' }
  })
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
