import { describe, expect, it } from 'vitest'
import { findDateInLine } from '../../../src/main/core/letters/find-date'
import { inferMetadata, type RegisterEntry } from '../../../src/main/core/letters/infer-metadata'

const REGISTER: RegisterEntry[] = [
  { id: 1, name: 'Independent Press Standards Organisation', aliases: ['IPSO'], domains: ['ipso.co.uk'] },
  { id: 2, name: 'College of Policing', aliases: [], domains: ['college.police.uk'] },
  { id: 3, name: 'Twitter', aliases: ['X', 'X Corp'], domains: ['twitter.com', 'x.com'] },
  { id: 4, name: 'Crown Prosecution Service', aliases: ['CPS'], domains: ['cps.gov.uk'] },
  { id: 5, name: 'Home Office', aliases: [], domains: ['homeoffice.gov.uk'] },
]

describe('findDateInLine', () => {
  it.each([
    ['4 March 2021', '2021-03-04'],
    ['3rd February 2020', '2020-02-03'],
    ['14/03/2019', '2019-03-14'],
    ['January 28, 2020', '2020-01-28'],
    ['Date: 8 April 2019', '2019-04-08'],
    ['Sent: Tue, 12 May 2021 09:14', '2021-05-12'],
    ['2021-03-04', '2021-03-04'],
    ['22nd of June 2021', '2021-06-22'],
    ['Sept 1, 2020', '2020-09-01'],
  ])('reads “%s” as %s', (line, iso) => {
    expect(findDateInLine(line)).toBe(iso)
  })

  it.each(['31/02/2021', 'no date here', '45 March 2021', 'Recommendation 14 of 2017'])('finds no date in “%s”', (line) => {
    expect(findDateInLine(line)).toBeNull()
  })

  it('takes the earliest date in the line', () => {
    expect(findDateInLine('Our letter of 4 March 2021 replied to yours of 01/02/2021')).toBe('2021-03-04')
  })
})

describe('inferMetadata', () => {
  it('prefers an e-mail domain at the top, and says why', () => {
    const text = 'From: Jo Bloggs <policy@college.police.uk>\nDate: 12 May 2021\nSubject: Authorised Professional Practice\n\nDear Chair,\nThe Home Office asked us to write.'
    const result = inferMetadata(text, REGISTER)
    expect(result.organisationId).toBe(2)
    expect(result.organisation).toMatchObject({ value: 'College of Policing', reason: 'e-mail domain college.police.uk' })
    expect(result.organisation.confidence).toBeGreaterThan(0.9)
    expect(result.date.value).toBe('2021-05-12')
    expect(result.subject.value).toBe('Authorised Professional Practice')
    expect(result.signatory.value).toBe('Jo Bloggs')
  })

  it('recognises an alias in the letterhead and a signatory after the sign-off', () => {
    const text = 'IPSO\nGate House, 1 Farringdon Street, London\n\n3rd February 2020\n\nDear Lord Chalmers\n\nRe: Recommendation 22\n\nThank you for your letter.\n\nYours sincerely,\n\nAlex Morgan\nChief Executive'
    const result = inferMetadata(text, REGISTER)
    expect(result.organisation.value).toBe('Independent Press Standards Organisation')
    expect(result.organisation.reason).toContain('letterhead')
    expect(result.date.value).toBe('2020-02-03')
    expect(result.subject.value).toBe('Recommendation 22')
    expect(result.signatory.value).toBe('Alex Morgan')
  })

  it('finds the sender in the signature block when the letterhead names no one', () => {
    const text = 'Dear Chair\n\n14/03/2019\n\nWe write about candidate safety.\n\nYours faithfully,\nSam Patel\nHead of Policy\nCrown Prosecution Service'
    const result = inferMetadata(text, REGISTER)
    expect(result.organisation.value).toBe('Crown Prosecution Service')
    expect(result.organisation.reason).toContain('signature block')
  })

  it('does not mistake short or lower-case words for aliases', () => {
    const text = 'Annex X\n\nthe cps of the matter\n\n4 March 2021\n\nNo sender here.'
    expect(inferMetadata(text, REGISTER).organisationId).toBeNull()
    expect(inferMetadata('X\n4 March 2021\nOur policies', REGISTER).organisation.value).toBe('Twitter')
  })

  it('matches curly and straight apostrophes alike', () => {
    const register = [{ id: 9, name: "National Police Chiefs' Council", aliases: ['NPCC'], domains: [] }]
    expect(inferMetadata('National Police Chiefs’ Council\n1 June 2021', register).organisation.value).toBe("National Police Chiefs' Council")
  })

  it('forgives punctuation in a letterhead: “&” for “and”, “Dept”, a leading “The”', () => {
    const register = [
      { id: 10, name: 'Department for Digital, Culture, Media and Sport', aliases: ['DCMS'], domains: [] },
      { id: 11, name: 'Labour Party', aliases: [], domains: [] },
    ]
    const dcms = inferMetadata('Department for Digital, Culture, Media & Sport\n100 Parliament Street\n1 June 2021\n\nDear Chair,', register)
    expect(dcms.organisation.value).toBe('Department for Digital, Culture, Media and Sport')
    expect(inferMetadata('Dept for Digital, Culture, Media + Sport\n1 June 2021', register).organisation.value).toBe('Department for Digital, Culture, Media and Sport')
    expect(inferMetadata('THE LABOUR PARTY\n1 June 2021', register).organisation.value).toBe('Labour Party')
    expect(inferMetadata('Labourers’ Partyline\n1 June 2021', register).organisationId).toBeNull()
  })

  it('reports no date and no sender plainly', () => {
    const result = inferMetadata('Just some text', REGISTER)
    expect(result.date).toMatchObject({ value: null, confidence: 0 })
    expect(result.organisation.reason).toMatch(/no registered name/)
  })
})

describe('letters the committee sent', () => {
  const own = { names: ['Committee on Standards in Public Life'], domains: ['public-standards.gov.uk'] }
  it('are outgoing, with the addressee as the organisation', () => {
    const text = 'Committee on Standards in Public Life\nsecretariat@public-standards.gov.uk\n\n15 February 2021\n\nMs A Person\nTwitter UK\nLondon\n\nDear Ms Person,\n\nRe: Progress review\n\nWe wrote to IPSO as well.'
    const result = inferMetadata(text, REGISTER, own)
    expect(result.direction).toBe('outgoing')
    expect(result.organisation).toMatchObject({ value: 'Twitter', reason: 'sent by the committee; addressee “Twitter”' })
    expect(result.date.value).toBe('2021-02-15')
  })
  it('do not turn a reply that mentions the committee into an outgoing letter', () => {
    const text = 'IPSO\nLondon\n\n4 March 2021\n\nDear Chair of the Committee on Standards in Public Life'
    expect(inferMetadata(text, REGISTER, own)).toMatchObject({ direction: 'incoming', organisation: { value: 'Independent Press Standards Organisation' } })
  })
})

describe('e-mails to the committee', () => {
  it('are incoming even though the To: line names the committee', () => {
    const own = { names: ['Committee on Standards in Public Life'], domains: ['public-standards.gov.uk'] }
    const text = 'From: Jo <jo@college.police.uk>\nTo: Secretariat <secretariat@public-standards.gov.uk>\nDate: 11 January 2021\nSubject: RE: Update'
    expect(inferMetadata(text, REGISTER, own)).toMatchObject({ direction: 'incoming', organisation: { value: 'College of Policing' } })
  })
})
