import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../../src/main/core/demo/load-demo'
import type { Dispatch } from '../../src/main/core/rpc/dispatch'
import { answerOf, createTestCore, RESOURCES_DIR, type TestCore } from '../support/test-core'
import { valueOf } from '../support/raw-sql'

let core: TestCore
let saved: string | null = null
let dispatch: Dispatch
beforeAll(async () => {
  core = await createTestCore()
  await loadDemo(core.ctx, RESOURCES_DIR)
  dispatch = core.dispatcher({ chooseSavePath: async (request) => (saved = join(core.dir, request.defaultName)) })
})
afterAll(() => core.dispose())

const value = <T>(method: string, input: unknown) => answerOf<T>(dispatch, method, input)

describe('export settings', () => {
  it('start from the demo configuration and save partial changes, audited', async () => {
    const settings = await value<{ groupOrder: string[]; includeAnnex: boolean; title: string }>('summary.settings', {})
    expect(settings.groupOrder.slice(0, 2)).toEqual(['Government', 'Political parties'])
    expect(settings.includeAnnex).toBe(true)
    const changed = await value<{ title: string; fontFamily: string }>('summary.saveSettings', { title: 'Progress summary 2021', fontFamily: 'Georgia' })
    expect(changed).toMatchObject({ title: 'Progress summary 2021', fontFamily: 'Georgia', includeAnnex: true })
    expect(await dispatch('summary.saveSettings', { fontSizePt: 30 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const audit = (await valueOf(core, "SELECT count(*) FROM audit_log WHERE action = 'Changed setting'")) as number
    expect(audit).toBeGreaterThanOrEqual(2)
  })

  it('drive the outline preview and the document: group order, annex and correspondence switches', async () => {
    const outline = await value<{ items: { text: string; footnotes: number }[] }>('summary.outline', { groups: ['Press regulators', 'Government'], includeAnnex: false, includeCorrespondence: true })
    expect(outline.items.map((i) => i.text)).toEqual(['Press regulators', 'Government', 'Correspondence received'])
    expect(outline.items[0]!.footnotes).toBeGreaterThan(0)
    const result = await value<{ path: string }>('summary.export', { groups: ['Press regulators', 'Government'], includeAnnex: false, includeCorrespondence: true, footnotes: false })
    const zip = await JSZip.loadAsync(readFileSync(result.path))
    const xml = await zip.file('word/document.xml')!.async('string')
    expect(xml).not.toContain('footnoteReference')
    expect(xml).toContain('Correspondence received')
    expect(xml).not.toContain('Annex')
    expect(xml.indexOf('>Press regulators<')).toBeLessThan(xml.indexOf('>Government<'))
    expect(await zip.file('word/styles.xml')!.async('string')).toContain('w:ascii="Georgia"')
    expect(await dispatch('summary.outline', { groups: ['Nobody'] })).toMatchObject({ ok: false, error: { message: expect.stringContaining('Unknown stakeholder group: Nobody') } })
  })
})

describe('the register export', () => {
  it('writes CSV with a BOM, one row per recommendation and a status column per cycle', async () => {
    const result = await value<{ path: string; sections: number }>('register.export', { format: 'csv' })
    expect(saved).toMatch(/Recommendations register\.csv$/)
    const text = readFileSync(result.path, 'utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const lines = text.slice(1).trimEnd().split('\r\n')
    expect(lines[0]).toBe('Number,Recommendation,Addressees,Status: 2019 progress review,Status: 2021 progress review,Evidence (letters linked)')
    expect(lines).toHaveLength(result.sections + 1)
  })

  it('writes an Excel workbook that Excel-compatible readers open', async () => {
    const result = await value<{ path: string; sections: number }>('register.export', { format: 'xlsx' })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(result.path)
    const sheet = workbook.getWorksheet('Recommendations')!
    expect(sheet.rowCount).toBe(result.sections + 1)
    expect(sheet.getRow(1).getCell(1).value).toBe('Number')
    expect(String(sheet.getRow(2).getCell(5).value)).toMatch(/Implemented|progress|Not|Partially|Rejected|Superseded/)
  })
})
