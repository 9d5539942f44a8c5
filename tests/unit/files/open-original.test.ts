// "Open original" must never hand the operating system a program: the name written comes from the
// format found in the bytes, invisible characters are gone from every name shown or written, and
// the file is created exclusively in a private folder made afresh.
import { lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/run-cli'
import { cleanDisplayName, originalFileName } from '../../../src/main/core/files/file-names'
import { openOriginal } from '../../../src/main/core/files/open-files'
import { importFiles } from '../../../src/main/core/letters/import-service'
import { getLetter, listLetters } from '../../../src/main/core/letters/letter-queries'
import { eml, minimalPdf } from '../../support/letter-fixtures'
import { createTestCore, textFile, type TestCore } from '../../support/test-core'

const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']
const OTHER_INVISIBLE = ['\u200B', '\u200E', '\u200F', '\u00AD', '\uFEFF', '\u0007', '\u001B', '\u007F', '\u0085', '\u2028']

describe('file names', () => {
  it('removes every bidirectional control, format and control character from a displayed name', () => {
    for (const char of [...BIDI, ...OTHER_INVISIBLE]) expect(cleanDisplayName(`reply-${char}fdp.bat`, 'x')).toBe('reply-fdp.bat')
    expect(cleanDisplayName('C:\\Users\\x\\..\\letter.pdf', 'x')).toBe('letter.pdf')
    expect(cleanDisplayName('\u202E\u2066 ', 'unnamed file')).toBe('unnamed file')
  })

  it('names an original by the format found in its bytes, never by the sender’s extension', () => {
    expect(originalFileName('reply-\u202Efdp.bat', 'pdf')).toBe('reply-fdp.pdf')
    expect(originalFileName('run-me.hta', 'pdf')).toBe('run-me.pdf')
    expect(originalFileName('invoice.pdf.exe', 'txt')).toBe('invoice.pdf.txt')
    expect(originalFileName('photo', 'jpeg')).toBe('photo.jpg')
    expect(originalFileName('CON.txt', 'txt')).toBe('_CON.txt')
    expect(originalFileName('...', 'docx')).toBe('letter.docx')
    expect(originalFileName('a:b*c?.rtf', 'rtf')).toBe('a_b_c_.rtf')
  })
})

describe('writing an original', () => {
  let core: TestCore
  beforeEach(async () => {
    core = await createTestCore()
  })
  afterEach(() => core.dispose())

  /** A "PDF" whose first bytes are a batch script: readers accept a PDF header anywhere in the first KiB. */
  const batchThenPdf = () => {
    const pdf = Buffer.from(minimalPdf([['Home Office', '1 March 2021', 'Dear Committee, we accept recommendation 1.']]))
    return new Uint8Array(Buffer.concat([Buffer.from('@echo off\r\nstart calc.exe\r\nexit\r\n'), pdf]))
  }

  it('opens a disguised program as a .pdf, in a fresh folder only this user can enter', async () => {
    const [outcome] = await importFiles(core.ctx, [{ name: 'reply-\u202Efdp.bat', bytes: batchThenPdf() }], 'app')
    expect(outcome).toMatchObject({ status: 'imported', format: 'pdf', file: 'reply-fdp.bat' })
    const letterId = outcome!.status === 'imported' ? outcome!.letterId : 0
    expect((await listLetters(core.ctx))[0]!.fileName).toBe('reply-fdp.bat')

    const opened: string[] = []
    const host = { chooseSavePath: async () => null, openPath: async (path: string) => void opened.push(path) }
    await openOriginal(core.ctx, host, letterId)
    await openOriginal(core.ctx, host, letterId)
    expect(opened.map((p) => basename(p))).toEqual(['reply-fdp.pdf', 'reply-fdp.pdf'])
    expect(dirname(opened[0]!)).not.toBe(dirname(opened[1]!)) // made afresh each time, never a known path
    for (const path of opened) {
      expect(statSync(dirname(path)).mode & 0o777).toBe(0o700)
      expect(statSync(path).mode & 0o077).toBe(0)
      expect(readFileSync(path).subarray(0, 9).toString()).toBe('@echo off')
      rmSync(dirname(path), { recursive: true })
    }
  })

  it('cleans attachment names listed on an e-mail, and the names of letters attached', async () => {
    const mail = eml({
      from: 'Home Office <a@homeoffice.gov.uk>', to: 'c@x.gov.uk', date: 'Mon, 1 Mar 2021 10:00:00 +0000', subject: 'Reply',
      text: 'Please find our reply attached.',
      attachments: [
        { name: 'logo\u202Egnp.exe', type: 'application/octet-stream', bytes: new Uint8Array([1, 2, 3, 0, 0]) },
        { name: 'answer\u2066\u200B.txt', type: 'text/plain', bytes: new TextEncoder().encode('Home Office\n2 March 2021\nWe accept recommendation 1.') },
      ],
    })
    const [outcome] = await importFiles(core.ctx, [{ name: 'mail.eml', bytes: mail }], 'app')
    expect(outcome?.status).toBe('imported')
    const letter = await getLetter(core.ctx, outcome!.status === 'imported' ? outcome!.letterId : 0)
    expect(letter.attachments.map((a) => a.name).sort()).toEqual(['answer.txt', 'logognp.exe'])
    expect((await listLetters(core.ctx)).map((l) => l.fileName).sort()).toEqual(['answer.txt', 'mail.eml'])
  })

  it('progress-desk letters original saves the same file, never following a planted symlink', async () => {
    await importFiles(core.ctx, [textFile('reply-\u202Etxt.exe', 'Home Office\n1 March 2021\nWe accept recommendation 1.')], 'app')
    const letterId = (await listLetters(core.ctx))[0]!.id
    await core.close()
    const out = join(core.dir, 'out')
    mkdirSync(out)
    const victim = join(core.dir, 'victim.txt')
    writeFileSync(victim, 'do not touch')
    symlinkSync(victim, join(out, 'reply-txt.txt'))

    const lines: string[] = []
    const errors: string[] = []
    const code = await runCli(['--db', join(core.dir, 'progress-desk.sqlite'), 'letters', 'original', '--letter', String(letterId), '--out', out], { out: (l) => lines.push(l), err: (l) => errors.push(l) })
    expect({ code, errors }).toEqual({ code: 0, errors: [] })
    expect(lines).toEqual([join(out, 'reply-txt (2).txt')])
    expect(readFileSync(lines[0]!, 'utf8')).toMatch(/^Home Office/)
    expect(readFileSync(victim, 'utf8')).toBe('do not touch')
    expect(lstatSync(join(out, 'reply-txt.txt')).isSymbolicLink()).toBe(true)
    expect(readdirSync(out).sort()).toEqual(['reply-txt (2).txt', 'reply-txt.txt'])

    const missing = await runCli(['--db', join(core.dir, 'progress-desk.sqlite'), 'letters', 'original', '--letter', '999', '--out', out], { out: () => undefined, err: (l) => errors.push(l) })
    expect(missing).toBe(1)
    expect(errors).toEqual(['There is no letter with id 999.'])
  })
})
