// The demonstration summary as the committee would publish it: each group's framing paragraph
// under its heading before the narratives, the introduction's *emphasis* in italics, no two
// footnotes in a row citing the same letter, the letter cited in full once and briefly after,
// the register's names in the annex, no subject placeholders, and no file overwritten.
import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../../src/main/core/demo/load-demo'
import { exportSummary } from '../../src/main/core/summary/export-service'
import { freeFilePath } from '../../src/main/core/files/free-file-name'
import { createTestCore, RESOURCES_DIR, type TestCore } from '../support/test-core'

let core: TestCore
let documentXml: string
let footnotesXml: string
const preambles = JSON.parse(readFileSync(join(RESOURCES_DIR, 'demo', 'preambles.json'), 'utf8')) as { group: string; text: string }[]
const organisations = readFileSync(join(RESOURCES_DIR, 'demo', 'organisations.csv'), 'utf8')

beforeAll(async () => {
  core = await createTestCore()
  await loadDemo(core.ctx, RESOURCES_DIR)
  const path = join(core.dir, 'summary.docx')
  await exportSummary(core.ctx, { chooseSavePath: async () => path }, { includeCorrespondence: true })
  const zip = await JSZip.loadAsync(readFileSync(path))
  documentXml = await zip.file('word/document.xml')!.async('string')
  footnotesXml = await zip.file('word/footnotes.xml')!.async('string')
})
afterAll(() => core.dispose())

const unescape = (text: string) => text.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')

/** The body's paragraphs (outside tables) as { style, text, italic runs, footnote ids }. */
function bodyParagraphs(xml: string) {
  const body = xml.slice(xml.indexOf('<w:body>')).replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '')
  return [...body.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="(\w+)"\/>/.exec(m[1]!)?.[1] ?? 'Normal',
    text: unescape([...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
    italics: [...m[1]!.matchAll(/<w:r><w:rPr><w:i\/>(?:<w:iCs\/>)?<\/w:rPr><w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]),
    notes: [...m[1]!.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((n) => Number(n[1])),
  }))
}

/** Each footnote's text by id. */
function footnoteTexts(xml: string): Map<number, string> {
  return new Map(
    [...xml.matchAll(/<w:footnote w:id="(\d+)">([\s\S]*?)<\/w:footnote>/g)].map((m) => [Number(m[1]), unescape([...m[2]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('').trim())]),
  )
}

/** The letters a footnote cites, as "sender|date", from either the full or the short form. */
function lettersCited(note: string): string[] {
  return note.split('; ').map((part) => {
    const full = /^(?:Letter|letter|E-mail|e-mail) from (?:the )?(.+?) to the Committee, (.+)$/.exec(part)
    const short = /^(.+) (?:letter|e-mail), (.+)$/.exec(part)
    const match = full ?? short
    if (!match) throw new Error(`unexpected footnote form: ${part}`)
    return `${match[1]}|${match[2]}`
  })
}

describe('the published form of the demonstration summary', () => {
  it("prints each group's framing paragraph under its heading, before the group's narratives", () => {
    const paragraphs = bodyParagraphs(documentXml)
    expect(preambles.length).toBeGreaterThanOrEqual(5)
    for (const preamble of preambles) {
      const heading = paragraphs.findIndex((p) => p.style === 'Heading1' && p.text === preamble.group)
      expect(heading, preamble.group).toBeGreaterThan(0)
      const first = paragraphs[heading + 1]!
      // The markup is gone: *emphasis* becomes italic text.
      expect(first.text).toBe(preamble.text.replace(/\*/g, ''))
      expect(first.notes).toEqual([])
      // The narratives follow, with their citations, before the next heading.
      const next = paragraphs.findIndex((p, i) => i > heading && p.style === 'Heading1')
      const narratives = paragraphs.slice(heading + 2, next)
      expect(narratives.length, preamble.group).toBeGreaterThan(0)
      expect(narratives.every((p) => p.style === 'Normal')).toBe(true)
      expect(narratives.flatMap((p) => p.notes).length, preamble.group).toBeGreaterThan(0)
    }
    const social = paragraphs[paragraphs.findIndex((p) => p.text === 'Social media companies') + 1]!
    expect(social.italics).toEqual(['not enough was being done'])
  })

  it('writes the introduction’s *emphasis* in italics, with no asterisks left', () => {
    const paragraphs = bodyParagraphs(documentXml)
    const firstHeading = paragraphs.findIndex((p) => p.style === 'Heading1')
    const introduction = paragraphs.slice(2, firstHeading)
    expect(introduction.length).toBe(2)
    expect(introduction[0]!.italics).toEqual(['Intimidation in Public Life'])
    expect(introduction.map((p) => p.text).join('')).not.toContain('*')
  })

  it('never has two footnotes in a row citing the same letter, and cites a letter in full only once', () => {
    const notes = footnoteTexts(footnotesXml)
    const order = bodyParagraphs(documentXml).flatMap((p) => p.notes)
    expect(order).toEqual(Array.from({ length: notes.size }, (_, i) => i + 1))
    expect(order.length).toBeGreaterThanOrEqual(10)
    const cited = order.map((id) => lettersCited(notes.get(id)!))
    for (let i = 1; i < cited.length; i++) {
      expect(cited[i]!.filter((letter) => cited[i - 1]!.includes(letter)), `footnotes ${i} and ${i + 1}`).not.toEqual(cited[i]!)
    }
    const texts = [...notes.values()].flatMap((note) => note.split('; '))
    const full = texts.filter((t) => / to the Committee, /.test(t))
    expect(new Set(full).size).toBe(full.length) // each letter's full citation appears once
    expect(texts.some((t) => /^[A-Z][\w’' ,]+ (letter|e-mail), \d{1,2} \w+ \d{4}$/.test(t))).toBe(true) // and short forms after
  })

  it('names senders in the annex by the register’s names or their own initials, never another alias', () => {
    const annex = documentXml.slice(documentXml.indexOf('Annex: recommendations'))
    const table = annex.slice(0, annex.indexOf('</w:tbl>'))
    const rows = [...table.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].slice(1)
    const evidence = rows.map((r) => [...r[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]!).at(-1)!)
    const names = evidence.filter((e) => e !== 'None this cycle').flatMap((e) => e.split('; ').map((part) => part.replace(/, [^,]+$/, '')))
    expect(names.length).toBeGreaterThan(10)
    const allowed = new Set(['Unknown sender'])
    for (const line of organisations.split('\n').slice(1)) {
      const name = line.startsWith('"') ? line.slice(1, line.indexOf('"', 1)) : line.split(',')[0]!
      if (name) allowed.add(name)
    }
    for (const initials of ['DCMS', 'MHCLG', 'SNP', 'NPCC', 'CPS', 'IPSO']) allowed.add(initials)
    expect(names.filter((n) => !allowed.has(n))).toEqual([])
    expect(annex).not.toContain('CCHQ')
    expect(names).toContain('Conservative Party')
  })

  it('lists letters without a subject by sender and date only', () => {
    const list = documentXml.slice(documentXml.indexOf('Correspondence received'))
    expect(list).not.toContain('No subject given')
    const subjects = [...list.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].slice(1).map((r) => [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)][2]![1]!.replace(/<[^>]+>/g, ''))
    expect(subjects.length).toBeGreaterThan(10)
    expect(subjects.filter((s) => /^\d{1,2} \w+ \d{4}$|^\d{4}-\d{2}-\d{2}$/.test(s))).toEqual([])
  })
})

describe('writing the file', () => {
  it('never replaces an existing file unless the transport says the person agreed', async () => {
    const path = join(core.dir, 'kept.docx')
    writeFileSync(path, 'edited by hand')
    await expect(exportSummary(core.ctx, { chooseSavePath: async () => path }, {})).rejects.toThrow(/kept\.docx already exists .*; it was left as it is/)
    expect(readFileSync(path, 'utf8')).toBe('edited by hand')
    const replaced = await exportSummary(core.ctx, { chooseSavePath: async () => path, confirmsReplace: true }, {})
    expect(replaced.saved).toBe(true)
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK')
  })

  it('names a second download "name (2).docx", as browsers do', async () => {
    const first = freeFilePath(core.dir, 'Progress summary.docx')
    writeFileSync(first, 'x')
    expect(freeFilePath(core.dir, 'Progress summary.docx')).toBe(join(core.dir, 'Progress summary (2).docx'))
    expect(existsSync(join(core.dir, 'Progress summary (2).docx'))).toBe(false)
  })

  it('warns when nothing in the cycle is assessed, and refuses when asked to', async () => {
    const cycle = await core.ctx.db.insertInto('cycles').values({ name: 'Empty review', starts_on: '2030-01-01', ends_on: '2030-12-31', created_at: '2030-01-01' }).returning('id').executeTakeFirstOrThrow()
    const path = join(core.dir, 'empty.docx')
    const result = await exportSummary(core.ctx, { chooseSavePath: async () => path }, { cycleId: cycle.id })
    expect(result).toMatchObject({ saved: true, sections: 0, warning: 'Nothing is assessed in “Empty review”: no recommendation has a written assessment for that cycle, so the summary has no sections.' })
    await expect(exportSummary(core.ctx, { chooseSavePath: async () => join(core.dir, 'empty2.docx') }, { cycleId: cycle.id, allowEmpty: false })).rejects.toThrow(/^Nothing is assessed in “Empty review”/)
    expect(existsSync(join(core.dir, 'empty2.docx'))).toBe(false)
  })
})
