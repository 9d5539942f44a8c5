// Inference on varied letters across formats, as a secretariat receives them: how often the
// sender organisation and the letter's date come out right. Prints the figures; fails below 90 %.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFiles } from '../../src/main/core/letters/import-service'
import { parseOrganisationsCsv, upsertOrganisations } from '../../src/main/core/organisations/organisation-service'
import { docxLetter, eml, minimalPdf, odtLetter } from '../support/letter-fixtures'
import { createTestCore, type TestCore } from '../support/test-core'

const REGISTER = [
  'name,category,aliases,email_domains',
  'Independent Press Standards Organisation,Press regulators,IPSO,ipso.co.uk',
  'Impress,Press regulators,,impress.press',
  'Crown Prosecution Service,Policing and prosecution,CPS,cps.gov.uk',
  'College of Policing,Policing and prosecution,,college.police.uk',
  "National Police Chiefs' Council,Policing and prosecution,NPCC,npcc.police.uk",
  'Electoral Commission,Policing and prosecution,,electoralcommission.org.uk',
  'Cabinet Office,Government,,cabinetoffice.gov.uk',
  'Home Office,Government,,homeoffice.gov.uk',
  'Department for Digital Culture Media and Sport,Government,DCMS,dcms.gov.uk',
  'Labour Party,Political parties,The Labour Party,labour.org.uk',
  'Scottish National Party,Political parties,SNP,snp.org',
  'Facebook,Social media companies,Meta;Meta Platforms,fb.com;meta.com',
  'Twitter,Social media companies,X;X Corp,twitter.com;x.com',
  'Google,Social media companies,YouTube,google.com',
].join('\n')

const rtf = (lines: string[]) => new TextEncoder().encode(`{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}\\f0 ${lines.map((l) => l.replace(/[\\{}]/g, '\\$&').replace(/’/g, "\\'92")).join('\\par ')}}`)
const txt = (lines: string[]) => new TextEncoder().encode(lines.join('\n'))
const html = (lines: string[]) => new TextEncoder().encode(`<!DOCTYPE html><html><body>${lines.map((l) => `<p>${l}</p>`).join('')}</body></html>`)
const body = 'Thank you for your letter about intimidation in public life. We set out below the progress made since the report.'

interface Case {
  name: string
  bytes: () => Promise<Uint8Array> | Uint8Array
  organisation: string | null
  date: string
}

const CASES: Case[] = [
  { name: 'ipso.txt', bytes: () => txt(['IPSO', 'Gate House, 1 Farringdon Street', '', '4 March 2021', '', 'Dear Lord Evans,', body, 'Yours sincerely,', 'Charlotte Dewar']), organisation: 'Independent Press Standards Organisation', date: '2021-03-04' },
  { name: 'cps.docx', bytes: () => docxLetter(['Crown Prosecution Service', '102 Petty France, London', '14/03/2019', 'Dear Chair,', 'Candidate safety', body, 'Yours faithfully,', 'Max Hill'], [0, 4]), organisation: 'Crown Prosecution Service', date: '2019-03-14' },
  { name: 'college.eml', bytes: () => eml({ from: 'Policy Team <policy@college.police.uk>', to: 'secretariat@public-standards.gov.uk', date: 'Tue, 12 May 2020 09:14:00 +0100', subject: 'RE: Guidance', text: `Dear Secretariat,\n${body}\nRegards,\nPolicy Team` }), organisation: 'College of Policing', date: '2020-05-12' },
  { name: 'npcc.pdf', bytes: () => minimalPdf([['National Police Chiefs’ Council', '1 Victoria Street', 'Date: 8 April 2019', 'Dear Lord Bew,', body, 'Yours sincerely,', 'Martin Hewitt']]), organisation: "National Police Chiefs' Council", date: '2019-04-08' },
  { name: 'electoral.odt', bytes: () => odtLetter(['The Electoral Commission', '3 Bunhill Row', 'January 28, 2020', 'Dear Chair', body, 'Kind regards', 'Bob Posner']), organisation: 'Electoral Commission', date: '2020-01-28' },
  { name: 'cabinet.rtf', bytes: () => rtf(['Cabinet Office', '70 Whitehall', '3rd February 2020', 'Dear Lord Evans,', body, 'Yours sincerely,', 'Chloe Smith MP']), organisation: 'Cabinet Office', date: '2020-02-03' },
  { name: 'home.html', bytes: () => html(['Home Office', '2 Marsham Street', '22nd of June 2021', 'Dear Lord Evans,', body, 'Yours sincerely,', 'Kit Malthouse']), organisation: 'Home Office', date: '2021-06-22' },
  { name: 'dcms.docx', bytes: () => docxLetter(['Department for Digital, Culture, Media & Sport', '100 Parliament Street', '2019-07-30', 'Dear Lord Evans,', body, 'Yours sincerely,', 'Margot James MP', 'DCMS']), organisation: 'Department for Digital Culture Media and Sport', date: '2019-07-30' },
  { name: 'labour.eml', bytes: () => eml({ from: 'General Secretary <gensec@labour.org.uk>', to: 'Committee <committee@public-standards.gov.uk>', date: 'Fri, 7 Feb 2020 16:02:11 +0000', subject: 'Joint statement of principle', text: `Dear Lord Evans,\n${body}\nBest wishes,\nDavid Evans` }), organisation: 'Labour Party', date: '2020-02-07' },
  { name: 'snp.txt', bytes: () => txt(['Scottish National Party', 'Gordon Lamb House, Edinburgh', '', '12/02/2020', '', 'Dear Lord Evans', body, 'Yours sincerely', 'Peter Murrell', 'SNP Chief Executive']), organisation: 'Scottish National Party', date: '2020-02-12' },
  { name: 'meta.pdf', bytes: () => minimalPdf([['Meta Platforms', '10 Brock Street, London', 'September 1, 2021', 'Dear Lord Evans,', body, 'Yours sincerely,', 'Rebecca Stimson']]), organisation: 'Facebook', date: '2021-09-01' },
  { name: 'twitter.eml', bytes: () => eml({ from: 'UK Public Policy <policy-uk@twitter.com>', to: 'secretariat@public-standards.gov.uk', date: 'Wed, 11 Dec 2019 10:30:00 +0000', subject: 'Election integrity', html: `<p>Dear Chair,</p><p>${body}</p><p>Katy Minshall</p>` }), organisation: 'Twitter', date: '2019-12-11' },
  { name: 'google.odt', bytes: () => odtLetter(['Google UK Limited', '6 Pancras Square', '15 October 2019', 'Dear Lord Evans,', body, 'Yours sincerely,', 'Katie O’Donovan', 'Public Policy, YouTube']), organisation: 'Google', date: '2019-10-15' },
  { name: 'impress.rtf', bytes: () => rtf(['IMPRESS', '16-18 New Bridge Street', 'Date: 20 January 2022', 'Dear Chair,', 'Re: Standards Code review', body, 'Yours sincerely,', 'Lexie Kirkconnell-Kawana', 'Impress']), organisation: 'Impress', date: '2022-01-20' },
  { name: 'signature-only.txt', bytes: () => txt(['18 November 2019', '', 'Dear Lord Evans,', body, '', 'Yours faithfully,', 'Sam Patel', 'Head of Policy', 'Crown Prosecution Service']), organisation: 'Crown Prosecution Service', date: '2019-11-18' },
  { name: 'unknown.eml', bytes: () => eml({ from: 'Kim Lee <kim@jocoxfoundation.org>', to: 'secretariat@public-standards.gov.uk', date: 'Mon, 2 Mar 2020 08:00:00 +0000', subject: 'Civility pledge', text: `Dear Chair,\n${body}\nKim` }), organisation: null, date: '2020-03-02' },
  { name: 'outgoing.docx', bytes: () => docxLetter(['Committee on Standards in Public Life', 'Room GC.05, 1 Horse Guards Road', '15 February 2021', 'Ms A Person', 'IPSO', 'Dear Ms Person,', 'Re: Progress review', body]), organisation: 'Independent Press Standards Organisation', date: '2021-02-15' },
  { name: 'x-letterhead.txt', bytes: () => txt(['X', '1 Cumberland Place, London', '', '5 May 2023', '', 'Dear Chair,', body, 'Yours sincerely,', 'Policy team']), organisation: 'Twitter', date: '2023-05-05' },
  { name: 'ho-email-gmail-sig.eml', bytes: () => eml({ from: 'J Smith <j.smith1970@gmail.com>', to: 'secretariat@public-standards.gov.uk', date: 'Thu, 3 Jun 2021 12:00:00 +0100', subject: 'Ballot papers', text: `Dear Secretariat,\n${body}\nKind regards,\nJ Smith\nElections Policy\nHome Office` }), organisation: 'Home Office', date: '2021-06-03' },
  { name: 'cps-subdomain.eml', bytes: () => eml({ from: 'Press Office <press@london.cps.gov.uk>', to: 'secretariat@public-standards.gov.uk', date: 'Tue, 9 Nov 2021 17:45:00 +0000', subject: 'Charging decisions', text: `Dear Chair,\n${body}` }), organisation: 'Crown Prosecution Service', date: '2021-11-09' },
  { name: 'ipso-pdf-two-pages.pdf', bytes: () => minimalPdf([['Independent Press Standards Organisation', '10 January 2022', 'Dear Lord Evans,', body], ['We will write again in 2023.', 'Yours sincerely,', 'Charlotte Dewar']]), organisation: 'Independent Press Standards Organisation', date: '2022-01-10' },
  { name: 'date-in-body.html', bytes: () => html(['Cabinet Office', 'Dear Lord Evans,', body, 'Our consultation closed on 24 August 2018.', 'Yours sincerely,', 'Kevin Foster']), organisation: 'Cabinet Office', date: '2018-08-24' },
]

let core: TestCore
beforeAll(async () => {
  core = await createTestCore()
  await upsertOrganisations(core.ctx, parseOrganisationsCsv(REGISTER))
})
afterAll(() => core.dispose())

describe('inference on varied letters', () => {
  it(`gets the sender and date right for at least 90 % of ${CASES.length} letters across formats`, async () => {
    const files = await Promise.all(CASES.map(async (c) => ({ name: c.name, bytes: await c.bytes() })))
    const outcomes = await importFiles(core.ctx, files, 'cli')
    const misses: string[] = []
    let organisations = 0
    let dates = 0
    for (const [index, outcome] of outcomes.entries()) {
      const expected = CASES[index]!
      expect(outcome.status, expected.name).toBe('imported')
      if (outcome.status !== 'imported') continue
      if (outcome.organisation === expected.organisation) organisations++
      else misses.push(`${expected.name}: organisation ${outcome.organisation} (expected ${expected.organisation})`)
      if (outcome.date === expected.date) dates++
      else misses.push(`${expected.name}: date ${outcome.date} (expected ${expected.date})`)
    }
    const formats = new Set(outcomes.map((o) => (o.status === 'imported' ? o.format : 'failed')))
    console.log(`Inference accuracy on ${CASES.length} letters (${[...formats].join(', ')}): organisation ${organisations}/${CASES.length}, date ${dates}/${CASES.length}${misses.length ? `; misses: ${misses.join('; ')}` : ''}`)
    expect(CASES.length).toBeGreaterThanOrEqual(20)
    expect(organisations / CASES.length).toBeGreaterThanOrEqual(0.9)
    expect(dates / CASES.length).toBeGreaterThanOrEqual(0.9)
  }, 60_000)
})
