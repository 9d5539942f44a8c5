// Issue 13, class 7: which date is the letter's and which line is its subject. Each letter is
// written here as the layouts met in practice put them.
import { describe, expect, it } from 'vitest'
import { inferMetadata } from '../../../src/main/core/letters/infer-metadata'
import { subjectCase } from '../../../src/main/core/letters/subject-case'

const infer = (lines: string[], heading: string | null = null) => inferMetadata(lines.join('\n'), [], { names: [], domains: [] }, { heading })

describe('the letter’s date', () => {
  it('prefers the dateline to a date in a legal citation above it', () => {
    const result = infer([
      'Ministry of Justice',
      'Following R (Miller) v Prime Minister [2019] UKSC 41, judgment of 24 September 2019, we reviewed our guidance.',
      '',
      '3 February 2020',
      '',
      'Dear Chair,',
    ])
    expect(result.date).toMatchObject({ value: '2020-02-03', reason: 'dateline on line 4' })
  })

  it('passes over a date range in running text at the top', () => {
    const result = infer([
      'Annual report covering 1 April 2019 to 31 March 2020 is enclosed.',
      'Dear Lord Evans,',
      'Thank you for your letter. We write with our response, sent on 14 May 2020 by post.',
    ])
    expect(result.date).toMatchObject({ value: '2020-05-14', confidence: 0.8 })
  })

  it('passes over ranges and citations in the body, and only falls back to them with little confidence', () => {
    expect(infer(['Dear Chair,', 'The consultation ran between 4 May 2020 and 6 July 2020.']).date).toMatchObject({ value: '2020-05-04', confidence: 0.2 })
    expect(infer(['Dear Chair,', 'The period 1–31 March 2021 was quiet.', 'We met on 12 April 2021.']).date).toMatchObject({ value: '2021-04-12' })
  })

  it('takes a "Date:" line first, then a dateline with its weekday or place', () => {
    expect(infer(['From: Jo', 'Our meeting of 2 March 2021', 'Date: 4 March 2021']).date.value).toBe('2021-03-04')
    expect(infer(['Home Office', 'Thank you for your letter of 1 March 2021.', 'London, Tuesday 9 March 2021']).date).toMatchObject({ value: '2021-03-09', reason: 'dateline on line 3' })
  })
})

describe('the letter’s subject', () => {
  it('takes a heading in capitals after the salutation, in title case', () => {
    const result = infer(['Department for Digital, Culture, Media & Sport', '100 Parliament Street', 'LONDON SW1A 2BQ', '10 February 2020', 'Dear Lord Evans,', 'ONLINE HARMS WHITE PAPER', 'Thank you for your letter.'])
    expect(result.subject).toMatchObject({ value: 'Online Harms White Paper', reason: 'heading in capitals after the salutation' })
  })

  it('takes a heading in capitals just before the salutation, but not a letterhead address', () => {
    expect(infer(['HOME OFFICE', '2 MARSHAM STREET', 'LONDON SW1P 4DF', '4 March 2021', 'INTIMIDATION OF CANDIDATES AND THE DCMS REVIEW', 'Dear Chair,', 'Thank you.']).subject.value).toBe('Intimidation of Candidates and the DCMS Review')
    expect(infer(['HOME OFFICE', '2 MARSHAM STREET', 'LONDON SW1P 4DF', 'Dear Chair,', 'Thank you for your letter.']).subject.value).toBeNull()
  })

  it('takes "Re:" and "Subject:" lines, recased when in capitals', () => {
    expect(infer(['Dear Chair,', 'RE: REVIEW OF THE NHS CODE OF CONDUCT']).subject).toMatchObject({ value: 'Review of the NHS Code of Conduct', reason: '“RE:” line' })
    expect(infer(['Subject: Standards in public life', 'Dear Chair,']).subject.value).toBe('Standards in public life')
  })

  it('never takes a dateline as the subject', () => {
    expect(infer(['Dear Chair,', 'Thank you.'], 'February 10, 2020').subject.value).toBeNull()
    expect(infer(['Re: 10 February 2020', 'Dear Chair,', 'FEBRUARY 10, 2020', 'Thank you.']).subject.value).toBeNull()
    expect(infer(['Dear Chair,', 'Thank you.'], 'Candidate safety').subject).toMatchObject({ value: 'Candidate safety', confidence: 0.7 })
  })

  it('stores capitals as a person would type them, leaving mixed case alone', () => {
    expect(subjectCase('ONLINE HARMS WHITE PAPER')).toBe('Online Harms White Paper')
    expect(subjectCase('THE BBC AND THE UK’S GDPR RULES FOR 2021')).toBe('The BBC and the UK’s GDPR Rules for 2021')
    expect(subjectCase('Guidance for NHS trusts')).toBe('Guidance for NHS trusts')
    expect(subjectCase('DCMS')).toBe('DCMS')
  })
})

// The same classes again in other words and layouts, so that what passes is the rule, not the wording.
describe('the letter’s date, in other layouts', () => {
  it('takes the dateline below a reference line that quotes an earlier date', () => {
    const result = infer(['Cabinet Office', 'Our ref: FOI2021/0456 — your request received 2 June 2021', '', '30 June 2021', '', 'Dear Ms Patel,', 'Thank you.'])
    expect(result.date).toMatchObject({ value: '2021-06-30', confidence: 0.9 })
  })

  it('takes an American dateline, and a dateline with its weekday, over dates in the opening paragraph', () => {
    expect(infer(['Electoral Commission', 'March 15, 2022', 'Dear Chair,', 'Since our meeting on 2 February 2022 we have met twice.']).date.value).toBe('2022-03-15')
    expect(infer(['Dear Chair,', 'Your letter of 1 November 2022 arrived today.', 'Wednesday, 9 November 2022']).date.value).toBe('2022-11-09')
  })

  it('passes over a period in the opening line and a statute’s year, for the date in the body', () => {
    const result = infer(['Progress report for 1 January 2021 to 30 June 2021', 'Dear Chair,', 'Under the Ministerial Code we wrote to you on 12 August 2021.'])
    expect(result.date.value).toBe('2021-08-12')
  })
})

describe('the letter’s subject, in other words', () => {
  it('never takes a date, in any of its spellings, as the subject', () => {
    for (const dateline of ['November 3, 2021', '3rd November 2021', '3 NOVEMBER 2021', 'Wednesday 3 November 2021']) {
      expect(infer(['Dear Chair,', dateline, 'Thank you for your letter.'], dateline).subject.value, dateline).toBeNull()
    }
    expect(infer(['Re: November 3, 2021', 'Dear Chair,', 'REVIEW OF THE MINISTERIAL CODE', 'Thank you.']).subject.value).toBe('Review of the Ministerial Code')
  })

  it('recases a subject in capitals on a "Subject:" line or after the salutation, keeping acronyms', () => {
    expect(infer(['SUBJECT: FUNDING FOR THE ELECTORAL COMMISSION', 'Dear Chair,']).subject.value).toBe('Funding for the Electoral Commission')
    expect(infer(['Dear Ms Patel,', 'STANDARDS IN THE NHS AND THE CPS', 'We write to you.']).subject.value).toBe('Standards in the NHS and the CPS')
  })

  it('takes a bold or underlined line after the salutation, but not a bold sign-off', () => {
    expect(infer(['Dear Ms Patel,', 'Lobbying and the register of interests', 'We write to you.'], 'Lobbying and the register of interests').subject).toMatchObject({ value: 'Lobbying and the register of interests' })
    expect(infer(['Dear Ms Patel,', 'We write to you.', 'Yours sincerely,'], 'Yours sincerely,').subject.value).toBeNull()
  })
})
