// Issue 13, class 3: e-mail as other programs save it. A message with an mbox envelope line
// first, a forwarded message (message/rfc822) with its own attachment, and a mailbox file
// holding several messages. Every message is written here as a string.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportOutcome, LetterDetail } from '../../src/shared/domain/dto'
import { noHost } from '../../src/main/core/rpc/host'
import { parseOrganisationsCsv, upsertOrganisations } from '../../src/main/core/organisations/organisation-service'
import { valueOf } from '../support/raw-sql'
import { answerOf, createTestCore, SMALL_REGISTER_CSV, type TestCore } from '../support/test-core'

let core: TestCore
beforeEach(async () => {
  core = await createTestCore()
  await upsertOrganisations(core.ctx, parseOrganisationsCsv(SMALL_REGISTER_CSV))
})
afterEach(() => core.dispose())

const call = <T>(method: string, input: unknown) => answerOf<T>(core.dispatcher(noHost), method, input)
const importFiles = (files: { name: string; text: string }[]) =>
  call<ImportOutcome[]>('letters.import', { files: files.map((f) => ({ name: f.name, dataBase64: Buffer.from(f.text, 'utf8').toString('base64') })) })
const letter = (id: number) => call<LetterDetail>('letters.get', { id })
const originalBytes = async (id: number) =>
  Buffer.from((await valueOf<Uint8Array>(core, 'SELECT o.bytes FROM letters l JOIN originals o ON o.sha256 = l.original_sha256 WHERE l.id = ?', id))!).toString('utf8')

const BODY = 'Thank you for your letter of 4 March about the intimidation of candidates. We have published joint guidance with the police and will review it after the next general election.'
const PDF_LIKE_TEXT = 'Attached reply: the College will publish its revised guidance for candidates in the spring.'

function message(n: number, subject: string, body = BODY): string {
  return [
    `From: Jo Bloggs <jo${n}@college.police.uk>`,
    'To: Committee <committee@standards.test>',
    `Date: Tue, ${10 + n} May 2022 09:14:00 +0100`,
    `Subject: ${subject}`,
    `Message-ID: <m${n}@college.police.uk>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\n')
}

describe('a message saved with an mbox envelope line first', () => {
  it('is read as e-mail: headers, body and subject, not raw MIME', async () => {
    const saved = `From jo1@college.police.uk Tue May 10 09:14:00 2022\n${message(1, 'Guidance for candidates')}`
    const [outcome] = await importFiles([{ name: 'saved.txt', text: saved }])
    expect(outcome).toMatchObject({ status: 'imported', format: 'eml', subject: 'Guidance for candidates', date: '2022-05-11' })
    const detail = await letter((outcome as { letterId: number }).letterId)
    expect(detail.bodyText).toContain(BODY)
    expect(detail.bodyText).not.toMatch(/Message-ID|MIME-Version|From jo1@/)
  })
})

describe('a forwarded message', () => {
  it('is imported as a letter of its own, with its own attachment', async () => {
    const attachment = Buffer.from(PDF_LIKE_TEXT).toString('base64')
    // The forwarded message kept only From, Subject and Date: no To, no MIME headers of its own.
    const forwarded = [
      'From: Jo Bloggs <jo@college.police.uk>',
      'Subject: Our reply on guidance',
      'Date: Mon, 9 May 2022 16:00:00 +0100',
      'Content-Type: multipart/mixed; boundary="inner"',
      '',
      '--inner',
      'Content-Type: text/plain; charset=utf-8',
      '',
      BODY,
      '--inner',
      'Content-Type: text/plain; name="reply.txt"',
      'Content-Disposition: attachment; filename="reply.txt"',
      'Content-Transfer-Encoding: base64',
      '',
      attachment,
      '--inner--',
      '',
    ].join('\n')
    const outer = [
      'From: Clerk <clerk@standards.test>',
      'To: Committee <committee@standards.test>',
      'Date: Tue, 10 May 2022 08:00:00 +0100',
      'Subject: Fwd: Our reply on guidance',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="outer"',
      '',
      '--outer',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Forwarding the College’s reply for the file.',
      '--outer',
      'Content-Type: message/rfc822',
      'Content-Disposition: inline',
      '',
      forwarded,
      '--outer--',
      '',
    ].join('\n')
    const [outcome] = await importFiles([{ name: 'fwd.eml', text: outer }])
    expect(outcome?.status).toBe('imported')
    const attachments = (outcome as Extract<ImportOutcome, { status: 'imported' }>).attachments
    expect(attachments).toHaveLength(1)
    expect(attachments[0]).toMatchObject({ name: 'Our reply on guidance.eml', note: null })
    const inner = await letter(attachments[0]!.letterId!)
    expect(inner).toMatchObject({ format: 'eml', subject: 'Our reply on guidance', date: '2022-05-09' })
    expect(inner.bodyText).toContain(BODY)
    expect(inner.attachments).toHaveLength(1)
    expect(inner.attachments[0]).toMatchObject({ name: 'reply.txt', note: null })
    expect((await letter(inner.attachments[0]!.letterId!)).bodyText).toBe(PDF_LIKE_TEXT)
  })
})

describe('a forwarded message that kept only From, Subject and Date', () => {
  it('is still read as an e-mail of its own, not listed as an unknown attachment', async () => {
    const outer = [
      'From: Clerk <clerk@standards.test>',
      'To: Committee <committee@standards.test>',
      'Date: Tue, 10 May 2022 08:00:00 +0100',
      'Subject: Fwd: Guidance',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="outer"',
      '',
      '--outer',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Forwarded for the file.',
      '--outer',
      'Content-Type: message/rfc822',
      '',
      'From: Jo Bloggs <jo@college.police.uk>',
      'Subject: Guidance',
      'Date: Mon, 9 May 2022 16:00:00 +0100',
      '',
      BODY,
      '--outer--',
      '',
    ].join('\n')
    const [outcome] = await importFiles([{ name: 'fwd.eml', text: outer }])
    const attachments = (outcome as Extract<ImportOutcome, { status: 'imported' }>).attachments
    expect(attachments).toMatchObject([{ name: 'Guidance.eml', note: null }])
    expect(await letter(attachments[0]!.letterId!)).toMatchObject({ format: 'eml', subject: 'Guidance', date: '2022-05-09' })
  })
})

describe('a mailbox file of several messages', () => {
  const messages = [1, 2, 3].map((n) => `From jo${n}@college.police.uk Tue May ${10 + n} 09:14:00 2022\n${message(n, `Reply ${n}`, `${BODY}\n>From the start we said so (message ${n}).`)}\n`)
  const mbox = messages.join('')

  it('imports each message as a letter whose original is that message’s own bytes', async () => {
    const outcomes = await importFiles([{ name: 'inbox.mbox', text: mbox }])
    expect(outcomes.map((o) => [o.status, o.status === 'imported' && o.subject, o.message])).toEqual([
      ['imported', 'Reply 1', { number: 1, of: 3 }],
      ['imported', 'Reply 2', { number: 2, of: 3 }],
      ['imported', 'Reply 3', { number: 3, of: 3 }],
    ])
    for (const [index, outcome] of outcomes.entries()) {
      const id = (outcome as { letterId: number }).letterId
      expect(await originalBytes(id)).toBe(messages[index])
      // The line the mailbox quoted (">From") reads as it was written.
      expect((await letter(id)).bodyText).toContain(`From the start we said so (message ${index + 1}).`)
      expect((await letter(id)).bodyText).not.toContain('>From')
    }
    expect(messages.join('')).toBe(mbox)
  })

  it('keeps a single saved message one letter, and the files after a mailbox in their place', async () => {
    const outcomes = await importFiles([
      { name: 'one.mbox', text: messages[0]! },
      { name: 'inbox.mbox', text: messages.slice(1).join('') },
    ])
    expect(outcomes.map((o) => [o.file, o.status, o.message ?? null])).toEqual([
      ['one.mbox', 'imported', null],
      ['inbox.mbox › message 1 of 2', 'imported', { number: 1, of: 2 }],
      ['inbox.mbox › message 2 of 2', 'imported', { number: 2, of: 2 }],
    ])
  })
})
