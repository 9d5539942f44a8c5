// E-mail attachments as linked letters, near-duplicates and merging, corrections and new
// organisations, through the contract as the renderer calls it.
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportOutcome, LetterDetail, MergeResult, NearDuplicatePair, Organisation } from '../../src/shared/domain/dto'
import { noHost } from '../../src/main/core/rpc/host'
import { parseOrganisationsCsv, upsertOrganisations } from '../../src/main/core/organisations/organisation-service'
import { corpusPath } from '../support/corpus'
import { docxLetter, eml, minimalPdf } from '../support/letter-fixtures'
import { answerOf, createTestCore, SMALL_RECOMMENDATIONS_CSV, SMALL_REGISTER_CSV, textFile, type TestCore } from '../support/test-core'
import { parseRecommendationsCsv, upsertRecommendations } from '../../src/main/core/recommendations/recommendation-import'
import { countOf, rowOf } from '../support/raw-sql'

let core: TestCore
beforeEach(async () => {
  core = await createTestCore()
  await upsertOrganisations(core.ctx, parseOrganisationsCsv(SMALL_REGISTER_CSV))
})
afterEach(() => core.dispose())

const call = <T>(method: string, input: unknown) => answerOf<T>(core.dispatcher(noHost), method, input)
const importFiles = (files: { name: string; bytes: Uint8Array }[]) =>
  call<ImportOutcome[]>('letters.import', { files: files.map((f) => ({ name: f.name, dataBase64: Buffer.from(f.bytes).toString('base64') })) })
const imported = (outcome: ImportOutcome | undefined) => {
  if (outcome?.status !== 'imported') throw new Error(`not imported: ${JSON.stringify(outcome)}`)
  return outcome
}
const count = (table: string) => countOf(core, table)

const BODY = [
  'Thank you for your letter of 4 March about the intimidation of candidates and campaigners.',
  'We have worked with the police and prosecutors on joint guidance, published in November,',
  'which sets out what candidates can expect and how to report abuse, online and in person.',
  'We will review the guidance after the next general election and write to you again.',
]

describe('e-mails and their attachments', () => {
  it('imports letters attached to an e-mail as letters of their own, linked to it', async () => {
    const mail = eml({
      from: 'Sam Patel <sam.patel@cps.gov.uk>',
      to: 'Secretariat <secretariat@public-standards.gov.uk>',
      date: 'Mon, 14 Jun 2021 09:00:00 +0100',
      subject: 'FW: Our response',
      text: 'Dear Secretariat,\nOur response is attached.\nSam',
      attachments: [
        { name: '../../Users/sam/response.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: await docxLetter(['Crown Prosecution Service', '14 June 2021', 'Re: Candidate safety', ...BODY]) },
        { name: 'signature.png', type: 'image/png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), inline: true },
      ],
    })
    const outcome = imported((await importFiles([{ name: 'response.eml', bytes: mail }]))[0])
    expect(outcome).toMatchObject({ format: 'eml', organisation: 'Crown Prosecution Service', date: '2021-06-14', subject: 'Our response', nearDuplicateOf: null })
    expect(outcome.attachments).toEqual([
      { name: 'response.docx', letterId: expect.any(Number), note: null },
      { name: 'signature.png', letterId: null, note: 'not a letter; kept in the original e-mail' },
    ])
    const email = await call<LetterDetail>('letters.get', { id: outcome.letterId })
    expect(email.inference.organisation).toMatchObject({ reason: 'e-mail domain cps.gov.uk', confidence: 0.97 })
    expect(email.recipient).toBe('Secretariat <secretariat@public-standards.gov.uk>')
    const child = await call<LetterDetail>('letters.get', { id: outcome.attachments[0]!.letterId })
    expect(child).toMatchObject({ parentLetterId: outcome.letterId, format: 'docx', subject: 'Candidate safety', date: '2021-06-14', organisation: 'Crown Prosecution Service' })
    expect(await count('originals')).toBe(2)
  })

  it('imports a .msg attached inside a .msg as a linked letter (corpus sample)', async () => {
    const outcome = imported((await importFiles([{ name: 'msgInMsg.msg', bytes: new Uint8Array(readFileSync(corpusPath('msg', 'msgInMsg.msg'))) }]))[0])
    const inner = outcome.attachments.find((a) => a.name.endsWith('.msg'))
    expect(inner?.letterId).toEqual(expect.any(Number))
    expect(await call<LetterDetail>('letters.get', { id: inner!.letterId })).toMatchObject({ format: 'msg', parentLetterId: outcome.letterId })
  })
})

describe('near-duplicates', () => {
  it('finds twins across groups, although the next group is read while the one before is stored', async () => {
    // Eight files make a group: the re-sent letter and the exact copy are in the second group,
    // which is parsed before the first group (holding their originals) has been stored.
    const letter = textFile('original.txt', `Independent Press Standards Organisation\n4 March 2021\n\nDear Chair,\n\n${BODY.join('\n')}\n\nYours sincerely,\nAlex Morgan`)
    const fillers = Array.from({ length: 7 }, (_, i) =>
      textFile(`other-${i}.txt`, `Home Office\n${i + 1} June 2021\n${`Letter ${i} on ballot paper ${i * 7} and polling station ${i * 13}, about topic number ${i}. `.repeat(4)}`),
    )
    const resent = textFile('resent.txt', `Independent Press Standards Organisation\n5 March 2021\n\nDear Chair,\n\n${BODY.join('\n')}\n\nYours sincerely,\nAlex Morgan`)
    const copy = { name: 'copy-of-original.txt', bytes: letter.bytes }
    const outcomes = await importFiles([letter, ...fillers, resent, copy])
    expect(outcomes.map((o) => o.status)).toEqual([...Array<string>(9).fill('imported'), 'duplicate'])
    const original = imported(outcomes[0])
    expect(imported(outcomes[8]).nearDuplicateOf).toBe(original.letterId)
    expect(outcomes[9]).toMatchObject({ status: 'duplicate', letterId: original.letterId })
    expect(outcomes.slice(1, 8).map((o) => imported(o).nearDuplicateOf)).toEqual(Array(7).fill(null))
  })

  it('finds the same letter as an e-mail and as its PDF print, and merges them', async () => {
    await upsertRecommendations(core.ctx, parseRecommendationsCsv(SMALL_RECOMMENDATIONS_CSV), { title: 'Intimidation in Public Life' })
    const mail = eml({ from: 'Alex Morgan <alex@ipso.co.uk>', to: 'secretariat@public-standards.gov.uk', date: 'Thu, 4 Mar 2021 10:00:00 +0000', subject: 'Harassment', text: `Dear Chair,\n\n${BODY.join('\n')}\n\nYours sincerely,\nAlex Morgan` })
    const print = minimalPdf([['From: Alex Morgan <alex@ipso.co.uk>', 'Sent: 04 March 2021 10:00', 'To: secretariat@public-standards.gov.uk', 'Subject: Harassment', '', 'Dear Chair,', ...BODY, 'Yours sincerely,', 'Alex Morgan']])
    const [first, second, unrelated] = await importFiles([{ name: 'harassment.eml', bytes: mail }, { name: 'harassment.pdf', bytes: print }, textFile('other.txt', `Home Office\n1 June 2021\n${'A different letter about ballot papers and home addresses of candidates in local elections. '.repeat(3)}`)])
    expect(imported(first).nearDuplicateOf).toBeNull()
    expect(imported(second).nearDuplicateOf).toBe(imported(first).letterId)
    expect(imported(unrelated).nearDuplicateOf).toBeNull()

    const pairs = await call<NearDuplicatePair[]>('letters.nearDuplicates', {})
    expect(pairs).toHaveLength(1)
    expect(pairs[0]).toMatchObject({ letter: { id: imported(second).letterId }, duplicateOf: { id: imported(first).letterId } })
    expect(pairs[0]!.similarity).toBeGreaterThan(0.7)

    // Evidence on the PDF print moves to the e-mail when the two are merged.
    const link = await call<{ id: number }>('links.create', { letterId: imported(second).letterId, recommendationId: 3, quote: 'joint guidance, published in November' })
    const result = await call<MergeResult>('letters.merge', { keepId: imported(first).letterId, removeId: imported(second).letterId })
    expect(result).toMatchObject({ keptId: imported(first).letterId, movedLinks: 1, movedPassages: 1, lostPassages: 0 })
    const kept = await call<LetterDetail>('letters.get', { id: imported(first).letterId })
    expect(kept.links.map((l) => l.id)).toEqual([link.id])
    expect(kept.bodyText.slice(kept.links[0]!.start!, kept.links[0]!.end!)).toBe('joint guidance, published in November')
    expect(await count('letters')).toBe(2)
    expect(await count('originals')).toBe(2)
    expect(await call<NearDuplicatePair[]>('letters.nearDuplicates', {})).toEqual([])
    const audit = (await rowOf(core, "SELECT before_json, after_json FROM audit_log WHERE action = 'Merged near-duplicate letters'")) as { before_json: string; after_json: string }
    expect(JSON.parse(audit.before_json).removed).toMatchObject({ id: imported(second).letterId, fileName: 'harassment.pdf' })
    // The removed letter's bytes are gone, so the print can be imported again if someone wants it.
    expect(imported((await importFiles([{ name: 'harassment.pdf', bytes: print }]))[0]).nearDuplicateOf).toBe(imported(first).letterId)
  })

  it('lets a person dismiss a pair that are different letters', async () => {
    const text = `Home Office\n1 June 2021\n${BODY.join('\n')}`
    const [a, b] = await importFiles([textFile('a.txt', text), textFile('b.txt', `${text}\nP.S. Sent again.`)])
    expect(imported(b).nearDuplicateOf).toBe(imported(a).letterId)
    await call('letters.dismissNearDuplicate', { letterId: imported(b).letterId, duplicateOf: imported(a).letterId })
    expect(await call<NearDuplicatePair[]>('letters.nearDuplicates', { letterId: imported(a).letterId })).toEqual([])
  })
})

describe('corrections and new organisations', () => {
  it('records a person’s correction with the values before and after', async () => {
    const outcome = imported((await importFiles([textFile('x.txt', 'Somebody\n3 March 2021\nDear Chair,\nA letter.')]))[0])
    const updated = await call<LetterDetail>('letters.update', { id: outcome.letterId, organisationId: 2, date: '2021-03-04', subject: 'Candidate safety' })
    expect(updated).toMatchObject({ organisation: 'Crown Prosecution Service', date: '2021-03-04', subject: 'Candidate safety' })
    expect(updated.inference.date).toEqual({ value: '2021-03-04', confidence: 1, reason: 'confirmed by secretariat' })
    const audit = (await rowOf(core, "SELECT before_json, after_json FROM audit_log WHERE action = 'Corrected letter details'")) as { before_json: string; after_json: string }
    expect(JSON.parse(audit.before_json)).toEqual({ organisation: null, date: '2021-03-03', subject: null })
    expect(JSON.parse(audit.after_json)).toEqual({ organisation: 'Crown Prosecution Service', date: '2021-03-04', subject: 'Candidate safety' })
    const envelope = await core.dispatcher(noHost)('letters.update', { id: outcome.letterId, date: '2021-02-30' })
    expect(envelope).toMatchObject({ ok: false, error: { message: '2021-02-30 is not a real date; give it as YYYY-MM-DD.' } })
  })

  it('keeps an unknown sender’s details and assigns its letters when it is added as an organisation', async () => {
    const mail = eml({ from: 'Kim Lee <kim.lee@jocoxfoundation.org>', to: 'secretariat@public-standards.gov.uk', date: '2 Feb 2020 12:00 +0000', subject: 'Joint statement', text: 'Dear Chair,\nOur joint statement is published.' })
    const outcome = imported((await importFiles([{ name: 'jcf.eml', bytes: mail }]))[0])
    expect(outcome.organisation).toBeNull()
    const before = await call<LetterDetail>('letters.get', { id: outcome.letterId })
    expect(before.inference).toMatchObject({ senderDomain: { value: 'jocoxfoundation.org' }, senderName: { value: 'Kim Lee' }, senderEmail: { value: 'kim.lee@jocoxfoundation.org' } })

    const created = await call<Organisation>('organisations.create', { name: 'The Jo Cox Foundation', group: 'Civil society', aliases: ['Jo Cox Foundation'], emailDomains: ['jocoxfoundation.org'] })
    expect(created).toMatchObject({ name: 'The Jo Cox Foundation', group: 'Civil society', emailDomains: ['jocoxfoundation.org'], letterCount: 1 })
    expect(await call<LetterDetail>('letters.get', { id: outcome.letterId })).toMatchObject({ organisation: 'The Jo Cox Foundation' })
    await expect(call('organisations.create', { name: 'the jo cox foundation', group: 'Civil society', aliases: [], emailDomains: [] })).rejects.toThrow(/already in the register/)
  })

  it('applies the import size limit a person sets', async () => {
    expect(await call('letters.importLimits', {})).toEqual({ maxFileMegabytes: 50, timeLimitSeconds: 120 })
    await call('letters.saveImportLimits', { maxFileMegabytes: 1, timeLimitSeconds: 60 })
    const [outcome] = await importFiles([textFile('big.txt', 'x'.repeat(1.5 * 1024 * 1024))])
    expect(outcome).toMatchObject({ status: 'failed', error: expect.stringMatching(/is 1\.5 MB, over the 1\.0 MB limit/) })
  })
})
