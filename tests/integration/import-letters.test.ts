import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportOutcome } from '../../src/shared/domain/dto'
import { importFiles } from '../../src/main/core/letters/import-service'
import { getLetter } from '../../src/main/core/letters/letter-queries'
import { parseOrganisationsCsv, upsertOrganisations } from '../../src/main/core/organisations/organisation-service'
import { corpusPath } from '../support/corpus'
import { createTestCore, SMALL_REGISTER_CSV, textFile, type TestCore } from '../support/test-core'
import { countOf, valueOf, refuseInserts } from '../support/raw-sql'

let core: TestCore
beforeEach(async () => {
  core = await createTestCore()
  await upsertOrganisations(core.ctx, parseOrganisationsCsv(SMALL_REGISTER_CSV))
})
afterEach(() => core.dispose())

const count = (table: string) => countOf(core, table)

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
    expect(await count('audit_log')).toBeGreaterThan(0)
    // The original is kept byte for byte.
    const stored = (await valueOf(core, 'SELECT bytes FROM originals')) as Buffer
    expect(stored.toString('utf8')).toContain('The Code covers it.')
  })

  it('imports a Word letter and finds it through full-text search', async () => {
    const bytes = await docx(['Crown Prosecution Service', '14/03/2019', 'Re: Guidance for candidates', 'We have published joint guidance on intimidation.'])
    const [outcome] = await importFiles(core.ctx, [{ name: 'cps.docx', bytes }], 'cli')
    expect(outcome).toMatchObject({ status: 'imported', organisation: 'Crown Prosecution Service', date: '2019-03-14', subject: 'Guidance for candidates' })
    const hits = await core.database.fullText.newestLetterIds(core.database.db, '"intimidation"', null, 10)
    expect(hits).toEqual([(outcome as { letterId: number }).letterId])
  })

  it('refuses exact duplicates by content, naming the letter already held', async () => {
    const text = 'Home Office\n1 June 2021\nA reply.'
    const [first] = await importFiles(core.ctx, [textFile('a.txt', text)], 'cli')
    const [second] = await importFiles(core.ctx, [textFile('copy of a.txt', text)], 'cli')
    expect(second).toMatchObject({ status: 'duplicate', letterId: (first as { letterId: number }).letterId, organisation: 'Home Office' })
    expect(await count('letters')).toBe(1)
    expect(await count('originals')).toBe(1)
  })

  it('goes on past a bad file and leaves nothing of it behind', async () => {
    const outcomes = await importFiles(
      core.ctx,
      [textFile('good.txt', 'Home Office\n1 June 2021\nFine.'), { name: 'empty.txt', bytes: new Uint8Array() }, { name: 'fake.docx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, ...Buffer.from('word/document.xml')]) }, textFile('also-good.txt', 'CPS\n2 June 2021\nFine too.')],
      'cli',
    )
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'failed', 'failed', 'imported'])
    expect(outcomes[1]).toMatchObject({ error: expect.stringMatching(/empty/) })
    expect(outcomes[2]).toMatchObject({ error: expect.stringMatching(/^fake\.docx is a Word document \(\.docx\), but the file is cut short/) })
    expect(await count('letters')).toBe(2)
    expect(await count('originals')).toBe(2)
  })

  it('rolls back the original when the letter row cannot be written', async () => {
    await refuseInserts(core, 'letters', 'disk trouble')
    const auditBefore = await count('audit_log')
    await expect(importFiles(core.ctx, [textFile('x.txt', 'Home Office\nText')], 'cli')).rejects.toThrow(/disk trouble/)
    expect(await count('originals')).toBe(0)
    expect(await count('audit_log')).toBe(auditBefore) // nothing of the failed import was audited
  })

  it('keeps only a file name, never a path, from the name it is given', async () => {
    const [outcome] = await importFiles(core.ctx, [textFile('../../etc/passwd', 'Home Office\nA letter')], 'cli')
    expect(outcome?.file).toBe('passwd')
  })
})

// Real files written by other programs (../shared/corpus/real-world): every one is imported with
// sensible text or refused with a clear, per-file message, and the batch never stops. The corpus
// always stands beside the project; a missing folder or sample is a failure, not a skip.
describe('the real-world corpus', () => {
  const FOLDERS = ['docx', 'pdf', 'eml', 'msg']
  const listed = (folder: string) => readdirSync(corpusPath(folder)).map((name) => join(corpusPath(folder), name))

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
  // PDFs the corpus's MANIFEST says cannot give text, with what Progress Desk must say instead.
  const PDF_REFUSALS: Record<string, RegExp> = {
    'libreoffice-writer-password.pdf': /^libreoffice-writer-password\.pdf is a password-protected PDF: remove the password and import again\.$/,
    'imagemagick-images.pdf': /^imagemagick-images\.pdf has no text layer, and OCR found no text in its pictures; there is no text to import\.$/,
  }

  /** The text of a Word file's runs (<w:t>) in its body and notes, read without our extractor. */
  async function wordRuns(bytes: Uint8Array): Promise<string[]> {
    const zip = await JSZip.loadAsync(bytes)
    const parts = await Promise.all(['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml'].map((part) => zip.file(part)?.async('string') ?? ''))
    return parts.flatMap((xml) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => normalise(decodeXml(m[1] ?? '')))).filter((run) => run.length > 0)
  }
  const decodeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
  const normalise = (text: string) => text.replace(/\s+/g, ' ').trim()

  it('imports or clearly refuses every sample, in one batch', async () => {
    const byFolder = Object.fromEntries(FOLDERS.map((folder) => [folder, listed(folder)]))
    for (const folder of FOLDERS) expect(byFolder[folder]!.length, `samples in ${folder}/`).toBeGreaterThan(0)
    const files = FOLDERS.flatMap((folder) => byFolder[folder]!)
    const inputs = files.map((path) => ({ name: basename(path), bytes: new Uint8Array(readFileSync(path)) }))
    const outcomes = await importFiles(core.ctx, inputs, 'cli')
    expect(outcomes.map((o) => o.file)).toEqual(inputs.map((f) => f.name))
    const byName = new Map(outcomes.map((o) => [o.file, o]))
    const bodyOf = async (name: string) => {
      const outcome = byName.get(name)
      expect(outcome?.status, name).toBe('imported')
      return (await getLetter(core.ctx, (outcome as { letterId: number }).letterId)).bodyText
    }

    // Every file: imported with text, or refused in one sentence naming it.
    for (const outcome of outcomes) {
      if (outcome.status === 'failed') expect(outcome.error, outcome.file).toMatch(new RegExp(`^${escapeRegExp(outcome.file)} (is|looks like|has) .+\\.$`))
      else expect((await bodyOf(outcome.file)).trim().length, outcome.file).toBeGreaterThan(0)
    }
    for (const [file, phrase] of Object.entries(PHRASES)) expect(await bodyOf(file), file).toContain(phrase)

    // Word: a file with text in its runs is imported with every run in its text; a file with
    // none is refused as having no text, and for no other reason.
    for (const input of inputs.filter((f) => f.name.endsWith('.docx'))) {
      const runs = await wordRuns(input.bytes)
      if (runs.length > 0) {
        const body = normalise(await bodyOf(input.name))
        for (const run of runs) expect(body, `${input.name} should contain “${run}”`).toContain(run)
      } else {
        expect(byName.get(input.name), input.name).toEqual({ file: input.name, status: 'failed', error: `${input.name} has no text to import; it may be blank or hold only pictures.` })
      }
    }
    // PDFs: all imported but those the corpus documents as giving no text, refused as such.
    for (const input of inputs.filter((f) => f.name.endsWith('.pdf'))) {
      const refusal = PDF_REFUSALS[input.name]
      const outcome = byName.get(input.name)
      if (refusal) expect(outcome?.status === 'failed' ? outcome.error : outcome, input.name).toMatch(refusal)
      else expect(outcome?.status, input.name).toBe('imported')
    }
    // Every e-mail and Outlook message is imported, a .msg inside a .msg as a letter of its own.
    for (const outcome of outcomes.filter((o) => /\.(eml|msg)$/.test(o.file))) expect(outcome.status, outcome.file).toBe('imported')
    const msgInMsg = byName.get('msgInMsg.msg') as Extract<ImportOutcome, { status: 'imported' }>
    expect(msgInMsg.attachments.some((a) => a.name.endsWith('.msg') && a.letterId !== null)).toBe(true)
    expect(await core.database.integrityProblems()).toEqual([])
  }, 120_000)
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
