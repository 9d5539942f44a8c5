// The whole thin path on the demonstration data: load it through the real pipeline, then export
// the progress summary and read the Word file back.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo, type DemoSummary } from '../../src/main/core/demo/load-demo'
import { listLetters } from '../../src/main/core/letters/letter-queries'
import { listRecommendations } from '../../src/main/core/recommendations/recommendation-queries'
import { exportSummary } from '../../src/main/core/summary/export-service'
import { checkArchive } from '../../src/main/core/backup/check-archive'
import { createTestCore, RESOURCES_DIR, type TestCore } from '../support/test-core'
import { columnOf } from '../support/raw-sql'

let core: TestCore
let summary: DemoSummary
beforeAll(async () => {
  core = await createTestCore()
  summary = await loadDemo(core.ctx, RESOURCES_DIR)
})
afterAll(() => core.dispose())

describe('the demonstration data', () => {
  it('loads through the real import pipeline with every sender and date inferred', async () => {
    expect(summary.letters).toBeGreaterThanOrEqual(30)
    expect(summary.recommendations).toBeGreaterThanOrEqual(24)
    const letters = await listLetters(core.ctx)
    expect(letters).toHaveLength(summary.letters)
    // Saved e-mails among the .txt files are read as e-mails: the bytes decide, not the name.
    expect(new Set(letters.map((l) => l.format))).toEqual(new Set(['txt', 'docx', 'eml']))
    expect(letters.filter((l) => l.organisation === null)).toEqual([])
    expect(letters.filter((l) => l.date === null)).toEqual([])
    // Each file name starts with the date the letter was written: inference must agree.
    for (const letter of letters) expect(letter.date, letter.fileName).toBe(letter.fileName.slice(0, 10))
    const outgoing = (await columnOf(core, "SELECT file_name FROM letters WHERE direction = 'outgoing'"))
    expect(outgoing).toEqual(['2021-02-15-committee-to-twitter.txt'])
    expect(await checkArchive(core.database)).toEqual([])
  })

  it('has assessments and evidence for the latest cycle', async () => {
    const recommendations = await listRecommendations(core.ctx)
    expect(recommendations.filter((r) => r.status === 'Not yet assessed')).toEqual([])
    expect(recommendations.filter((r) => r.evidenceCount > 0).length).toBeGreaterThan(20)
  })

  it('refuses to load twice', async () => {
    await expect(loadDemo(core.ctx, RESOURCES_DIR)).rejects.toThrow(/already holds letters/)
  })
})

describe('exporting the progress summary', () => {
  it('writes a Word file with a section per group in the configured order, footnotes and the annex', async () => {
    const path = join(core.dir, 'summary.docx')
    const result = await exportSummary(core.ctx, { chooseSavePath: async () => path }, {})
    expect(result).toMatchObject({ saved: true, path })
    const zip = await JSZip.loadAsync(readFileSync(path))
    const document = await zip.file('word/document.xml')!.async('string')
    const headings = [...document.matchAll(/<w:pStyle w:val="Heading1"\/>.*?<\/w:p>/gs)].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    const order = JSON.parse(readFileSync(join(RESOURCES_DIR, 'demo', 'groups.json'), 'utf8')) as string[]
    const groupHeadings = headings.filter((h) => order.includes(h))
    expect(groupHeadings).toEqual(order.filter((g) => groupHeadings.includes(g)))
    expect(groupHeadings.length).toBeGreaterThanOrEqual(5)
    expect(headings.some((h) => h.startsWith('Annex'))).toBe(true)
    expect((document.match(/<w:footnoteReference /g) ?? []).length).toBeGreaterThanOrEqual(10)
    const footnotes = await zip.file('word/footnotes.xml')!.async('string')
    expect(footnotes).toMatch(/Letter from the Independent Press Standards Organisation to the Committee, 4 March 2021/)
  })

  it('is deterministic: the same data gives the same document text', async () => {
    const texts: string[] = []
    for (const name of ['a.docx', 'b.docx']) {
      const path = join(core.dir, name)
      await exportSummary(core.ctx, { chooseSavePath: async () => path }, {})
      texts.push(await (await JSZip.loadAsync(readFileSync(path))).file('word/document.xml')!.async('string'))
    }
    expect(texts[0]).toBe(texts[1])
  })

  it('does nothing when the save dialog is cancelled, and explains a folder it cannot write', async () => {
    expect(await exportSummary(core.ctx, { chooseSavePath: async () => null }, {})).toMatchObject({ saved: false, path: null })
    await expect(exportSummary(core.ctx, { chooseSavePath: async () => join(core.dir, 'no', 'such', 'folder', 'x.docx') }, {})).rejects.toThrow(/Could not save x\.docx: the folder does not exist/)
  })
})
