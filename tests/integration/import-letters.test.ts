import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importFiles } from '../../src/main/core/letters/import-service'
import { getLetter } from '../../src/main/core/letters/letter-queries'
import { parseOrganisationsCsv, upsertOrganisations } from '../../src/main/core/organisations/organisation-service'
import { createTestCore, SMALL_REGISTER_CSV, textFile, type TestCore } from '../support/test-core'

let core: TestCore
beforeEach(async () => {
  core = await createTestCore()
  await upsertOrganisations(core.ctx, parseOrganisationsCsv(SMALL_REGISTER_CSV))
})
afterEach(() => core.dispose())

const count = (table: string) => core.connection.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number

async function docx(paragraphs: string[]): Promise<Uint8Array> {
  const document = new Document({ sections: [{ children: paragraphs.map((text, i) => new Paragraph({ children: [new TextRun({ text, bold: i === 0 })] })) }] })
  return new Uint8Array(await Packer.toBuffer(document))
}

describe('importing letters', () => {
  it('imports a text letter with its sender, date, subject and signatory inferred', async () => {
    const [outcome] = await importFiles(core.ctx, [textFile('ipso.txt', 'IPSO\nLondon\n\n4 March 2021\n\nDear Chair\n\nRe: Harassment\n\nThe Code covers it.\n\nYours sincerely,\nAlex Morgan')], 'cli')
    expect(outcome).toMatchObject({ status: 'imported', organisation: 'Independent Press Standards Organisation', date: '2021-03-04', subject: 'Harassment' })
    const letter = await getLetter(core.ctx, (outcome as { letterId: number }).letterId)
    expect(letter).toMatchObject({ signatory: 'Alex Morgan', format: 'txt', fileName: 'ipso.txt' })
    expect(letter.bodyText).toContain('The Code covers it.')
    expect(letter.inference.organisation?.reason).toContain('IPSO')
    expect(count('audit_log')).toBeGreaterThan(0)
    // The original is kept byte for byte.
    const stored = core.connection.sqlite.prepare('SELECT bytes FROM originals').pluck().get() as Buffer
    expect(stored.toString('utf8')).toContain('The Code covers it.')
  })

  it('imports a Word letter and finds it through full-text search', async () => {
    const bytes = await docx(['Crown Prosecution Service', '14/03/2019', 'Re: Guidance for candidates', 'We have published joint guidance on intimidation.'])
    const [outcome] = await importFiles(core.ctx, [{ name: 'cps.docx', bytes }], 'cli')
    expect(outcome).toMatchObject({ status: 'imported', organisation: 'Crown Prosecution Service', date: '2019-03-14', subject: 'Guidance for candidates' })
    const hits = core.connection.sqlite.prepare("SELECT rowid FROM letters_fts WHERE letters_fts MATCH 'intimidation'").pluck().all()
    expect(hits).toEqual([(outcome as { letterId: number }).letterId])
  })

  it('refuses exact duplicates by content, naming the letter already held', async () => {
    const text = 'Home Office\n1 June 2021\nA reply.'
    const [first] = await importFiles(core.ctx, [textFile('a.txt', text)], 'cli')
    const [second] = await importFiles(core.ctx, [textFile('copy of a.txt', text)], 'cli')
    expect(second).toMatchObject({ status: 'duplicate', letterId: (first as { letterId: number }).letterId, organisation: 'Home Office' })
    expect(count('letters')).toBe(1)
    expect(count('originals')).toBe(1)
  })

  it('goes on past a bad file and leaves nothing of it behind', async () => {
    const outcomes = await importFiles(
      core.ctx,
      [textFile('good.txt', 'Home Office\n1 June 2021\nFine.'), { name: 'empty.txt', bytes: new Uint8Array() }, { name: 'fake.docx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, ...Buffer.from('word/document.xml')]) }, textFile('also-good.txt', 'CPS\n2 June 2021\nFine too.')],
      'cli',
    )
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'failed', 'failed', 'imported'])
    expect(outcomes[1]).toMatchObject({ error: expect.stringMatching(/empty/) })
    expect(outcomes[2]).toMatchObject({ error: expect.stringMatching(/damaged or truncated/) })
    expect(count('letters')).toBe(2)
    expect(count('originals')).toBe(2)
  })

  it('rolls back the original when the letter row cannot be written', async () => {
    core.connection.sqlite.exec("CREATE TRIGGER refuse BEFORE INSERT ON letters BEGIN SELECT RAISE(ABORT, 'disk trouble'); END")
    await expect(importFiles(core.ctx, [textFile('x.txt', 'Home Office\nText')], 'cli')).rejects.toThrow(/disk trouble/)
    expect(count('originals')).toBe(0)
    expect(count('audit_log')).toBe(4) // the four organisations only
  })

  it('keeps only a file name, never a path, from the name it is given', async () => {
    const [outcome] = await importFiles(core.ctx, [textFile('../../etc/passwd', 'Home Office\nA letter')], 'cli')
    expect(outcome?.file).toBe('passwd')
  })
})

// Real files written by other programs (../shared/corpus/real-world): every one is imported with
// sensible text or refused with a clear, per-file message, and the batch never stops.
describe('the real-world corpus', () => {
  const corpus = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'real-world')
  const files = ['docx', 'pdf', 'eml', 'msg'].flatMap((folder) => {
    try {
      return readdirSync(join(corpus, folder)).map((name) => join(corpus, folder, name))
    } catch {
      return []
    }
  })

  // A phrase each of these samples is known to contain (checked against their sources).
  const PHRASES: Record<string, string> = {
    'pdflatex-4-pages.pdf': 'Hello, here is some text without a meaning.',
    'crazyones-pdfa.pdf': 'The Crazy Ones',
    'google-doc-document.pdf': 'Beautiful is better than ugly.',
    'habibi.pdf': 'habibi',
    'tables.docx': 'Top left',
    'utf8-bom.docx': 'This XML has a byte order mark.',
    'strict-format.docx': 'Test',
    'mimetorture.eml': 'Subject: Ryan Finnie',
    'mixed.eml': 'Good Morning;',
    'nonUnicodeMail.msg': 'Non Unicode mail body!',
    'test1.msg': 'Subject: title',
  }

  it.skipIf(files.length === 0)('imports or clearly refuses every sample, in one batch', async () => {
    const outcomes = await importFiles(core.ctx, files.map((path) => ({ name: path.split('/').pop() ?? path, bytes: new Uint8Array(readFileSync(path)) })), 'cli')
    expect(outcomes).toHaveLength(files.length)
    const byName = new Map(outcomes.map((o) => [o.file, o]))
    for (const outcome of outcomes) {
      if (outcome.status === 'failed') expect(outcome.error, outcome.file).toMatch(/^.+ (is|looks like|has) .+\.$/)
      else expect((await getLetter(core.ctx, outcome.letterId)).bodyText.trim().length, outcome.file).toBeGreaterThan(0)
    }
    for (const [file, phrase] of Object.entries(PHRASES)) {
      const outcome = byName.get(file)
      if (!outcome) continue // a sample not present in this copy of the corpus
      expect(outcome.status, file).toBe('imported')
      expect((await getLetter(core.ctx, (outcome as { letterId: number }).letterId)).bodyText, file).toContain(phrase)
    }
    if (byName.has('libreoffice-writer-password.pdf')) {
      expect(byName.get('libreoffice-writer-password.pdf')).toMatchObject({ status: 'failed', error: 'libreoffice-writer-password.pdf is a password-protected PDF: remove the password and import again.' })
    }
    const images = byName.get('imagemagick-images.pdf')
    if (images) expect(images.status === 'failed' ? images.error : 'imported by OCR').toMatch(/no text layer|imported by OCR/)
    // Every e-mail and Outlook message with text is imported, each .msg inside a .msg as a letter too.
    for (const outcome of outcomes.filter((o) => /\.(eml|msg)$/.test(o.file))) expect(outcome.status, outcome.file).toBe('imported')
    const msgInMsg = byName.get('msgInMsg.msg')
    if (msgInMsg?.status === 'imported') expect(msgInMsg.attachments.some((a) => a.name.endsWith('.msg') && a.letterId !== null)).toBe(true)
    const imported = outcomes.filter((o) => o.status === 'imported')
    const docxNames = files.filter((f) => f.endsWith('.docx')).length
    // Word samples with text in the body are imported (empty.docx, tiny-picture.docx and
    // footnote-hyperlink.docx have none there, and are refused as having no text).
    expect(imported.filter((o) => o.file.endsWith('.docx')).length).toBeGreaterThanOrEqual(docxNames - 3)
    expect(core.connection.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  }, 120_000)
})
