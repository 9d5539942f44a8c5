// Hostile and broken files, all in one batch between good letters: each is refused with a clear
// per-file message or reduced to safe text, the batch goes on, nothing of a refused file stays
// behind, nothing in a file runs, and the database stays sound.
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportOutcome } from '../../src/shared/domain/dto'
import { importFiles } from '../../src/main/core/letters/import-service'
import { IMPORT_SETTING } from '../../src/main/core/letters/import-settings'
import { getLetter } from '../../src/main/core/letters/letter-queries'
import { rtfToText } from '../../src/main/core/letters/extractors/rtf'
import { setSetting } from '../../src/main/core/settings/settings'
import { docxLetter, eml, minimalPdf, odtLetter, withDocumentXml } from '../support/letter-fixtures'
import { createTestCore, textFile, type TestCore } from '../support/test-core'
import { countOf } from '../support/raw-sql'

let core: TestCore
beforeEach(async () => {
  core = await createTestCore()
})
afterEach(() => core.dispose())

const count = (table: string) => countOf(core, table)

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
const LAUGHS = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
const XXE = '<!DOCTYPE doc [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'

async function zipBomb(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await docxLetter(['Home Office', 'A letter.']))
  zip.file('word/media/padding.bin', new Uint8Array(40 * 1024 * 1024)) // 40 MB of zeros: ~40 KB deflated
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

async function manyEntries(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await docxLetter(['Home Office', 'A letter.']))
  for (let i = 0; i < 2100; i++) zip.file(`customXml/item${i}.txt`, 'x')
  return zip.generateAsync({ type: 'uint8array' })
}

/** A message nested 300 multiparts deep, each one inside the last. */
function deepMime(): Uint8Array {
  let body = 'Content-Type: text/plain\r\n\r\nDeep down.\r\n'
  for (let depth = 0; depth < 300; depth++) body = `Content-Type: multipart/mixed; boundary="b${depth}"\r\n\r\n--b${depth}\r\n${body}\r\n--b${depth}--\r\n`
  return new TextEncoder().encode(`From: a@b.test\r\nTo: c@d.test\r\nSubject: Deep\r\nMIME-Version: 1.0\r\n${body}`)
}

describe('hostile and broken files', () => {
  it('refuses or neutralises each one, goes on with the batch and keeps the database sound', async () => {
    await setSetting(core.ctx, IMPORT_SETTING.maxFileMegabytes, '2')
    const docx = await docxLetter(['Home Office', '1 June 2021', 'A genuine letter.'])
    const files = [
      textFile('good-first.txt', 'Home Office\n1 June 2021\nFirst good letter.'),
      { name: 'password.pdf', bytes: minimalPdf([['Home Office', 'A secret letter.']], { passwordProtected: true }) },
      { name: 'corrupt.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n%%EOF garbage \u0001\u0002') },
      { name: 'truncated.docx', bytes: docx.slice(0, Math.floor(docx.length / 2)) },
      { name: 'zero.txt', bytes: new Uint8Array() },
      textFile('too-large.txt', 'Home Office\n' + 'x'.repeat(3 * 1024 * 1024)),
      { name: 'bomb.docx', bytes: await zipBomb() },
      { name: 'crowded.docx', bytes: await manyEntries() },
      { name: 'laughs.docx', bytes: await withDocumentXml(docx, `<?xml version="1.0"?>${LAUGHS}<w:document ${W}><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>`) },
      { name: 'xxe.docx', bytes: await withDocumentXml(docx, `<?xml version="1.0"?>${XXE}<w:document ${W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>`) },
      { name: 'laughs.odt', bytes: await odtLetter(['xml:&lol3;'], LAUGHS) },
      { name: 'xxe.odt', bytes: await odtLetter(['xml:&xxe;'], XXE) },
      { name: 'deep.eml', bytes: deepMime() },
      textFile('script.html', `<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><html><body><p>Dear Chair, &xxe;</p><script>globalThis.__pwned = true</script><img src=x onerror="globalThis.__pwned = true"><p>Safe words.</p></body></html>`),
      { name: 'binary.txt', bytes: new Uint8Array([0, 1, 2, 3, 0, 0, 7, 8]) },
      { name: 'letter.pdf', bytes: docx }, // a Word file under a PDF name: read as Word
      textFile('good-last.txt', 'Home Office\n2 June 2021\nLast good letter.'),
    ]
    const outcomes = await importFiles(core.ctx, files, 'cli')
    const byName = new Map(outcomes.map((o) => [o.file, o]))
    const error = (name: string) => {
      const outcome = byName.get(name) as Extract<ImportOutcome, { status: 'failed' }>
      expect(outcome?.status, name).toBe('failed')
      return outcome.error
    }

    expect(error('password.pdf')).toBe('password.pdf is a password-protected PDF: remove the password and import again.')
    expect(error('corrupt.pdf')).toMatch(/^corrupt\.pdf (looks like a PDF but is damaged|has no text)/)
    expect(error('truncated.docx')).toMatch(/^truncated\.docx is a Word document \(\.docx\), but the file is cut short/)
    expect(error('zero.txt')).toMatch(/empty \(0 bytes\)/)
    expect(error('too-large.txt')).toBe('too-large.txt is 3.0 MB, over the 2.0 MB limit for one letter (the limit can be changed in the import settings).')
    expect(error('bomb.docx')).toMatch(/^bomb\.docx looks like a ZIP bomb: .*inflates \d+ times/)
    expect(error('crowded.docx')).toMatch(/looks like a ZIP bomb: it has \d+ parts \(at most 2000/)
    for (const name of ['laughs.docx', 'xxe.docx', 'laughs.odt', 'xxe.odt']) expect(error(name)).toMatch(/contains a document type declaration \(DTD\).*refused for safety/)
    expect(error('deep.eml')).toMatch(/nested more than \d+ levels deep/)
    expect(error('binary.txt')).toMatch(/not a format Progress Desk can read/)

    const html = byName.get('script.html') as { letterId: number }
    const letter = await getLetter(core.ctx, html.letterId)
    expect(letter.format).toBe('html')
    expect(letter.bodyText).toContain('Safe words.')
    expect(letter.bodyText).not.toMatch(/root:|__pwned/)
    expect((globalThis as { __pwned?: boolean }).__pwned).toBeUndefined()
    expect(byName.get('letter.pdf')).toMatchObject({ status: 'imported', format: 'docx' })

    for (const outcome of outcomes) if (outcome.status === 'failed') expect(outcome.error, outcome.file).toMatch(/^\S.* (is|looks like|has|contains|took|needed) .+\.$/)
    const imported = outcomes.filter((o) => o.status === 'imported')
    expect(imported.map((o) => o.file)).toEqual(['good-first.txt', 'script.html', 'letter.pdf', 'good-last.txt'])
    expect(await count('letters')).toBe(4)
    expect(await count('originals')).toBe(4)
    // The engine's own checks: SQLite's integrity and foreign key checks, or PostgreSQL's.
    expect(await core.database.integrityProblems()).toEqual([])
  }, 60_000)

  it('reads RTF nested a hundred thousand groups deep without recursing', () => {
    expect(rtfToText(`{\\rtf1 ${'{'.repeat(100_000)}deep${'}'.repeat(100_000)}}`)).toBe('deep')
  })

  it('refuses PDFs whose pages hold neither text nor pictures', async () => {
    const [outcome] = await importFiles(core.ctx, [{ name: 'blank.pdf', bytes: minimalPdf([[]]) }], 'cli')
    expect(outcome).toMatchObject({ status: 'failed', error: 'blank.pdf has no text layer and no pictures to read; there is no text to import.' })
  })

  it('keeps attachments of a hostile e-mail from failing the e-mail', async () => {
    const [outcome] = await importFiles(core.ctx, [{ name: 'mail.eml', bytes: eml({ from: 'x@ipso.co.uk', to: 'y@z.org', date: '1 Jun 2021 10:00 +0100', subject: 'Files', text: 'Dear Chair, see attached.', attachments: [{ name: 'bomb.docx', type: 'application/octet-stream', bytes: await zipBomb() }] }) }], 'cli')
    expect(outcome).toMatchObject({ status: 'imported', attachments: [{ name: 'bomb.docx', letterId: null, note: expect.stringMatching(/looks like a ZIP bomb/) }] })
    expect(await count('letters')).toBe(1)
  })
})
