// The annex's short names (the register's name or its own initials, never a nickname) and which
// subject lines "Correspondence received" prints.
import { describe, expect, it } from 'vitest'
import { shortName } from '../../../src/shared/domain/organisation-names'
import { subjectWorthListing } from '../../../src/main/core/summary/correspondence-subject'

describe('shortName', () => {
  it('uses an alias only when it is the name’s own initials', () => {
    expect(shortName('Conservative Party', ['Conservatives', 'Conservative Campaign Headquarters', 'CCHQ'])).toBe('Conservative Party')
    expect(shortName('Department for Digital, Culture, Media and Sport', ['DCMS'])).toBe('DCMS')
    expect(shortName('Ministry of Housing, Communities and Local Government', ['MHCLG'])).toBe('MHCLG')
    expect(shortName('Independent Press Standards Organisation', ['IPSO', "Editors' Code of Practice Committee"])).toBe('IPSO')
    expect(shortName("National Police Chiefs' Council", ['NPCC'])).toBe('NPCC')
    expect(shortName('Twitter', ['X', 'X Corp'])).toBe('Twitter')
    expect(shortName('Facebook', ['META'])).toBe('Facebook')
    // Two words left out is no longer the name's initials.
    expect(shortName('Department for Digital, Culture, Media and Sport', ['DMS'])).toBe('Department for Digital, Culture, Media and Sport')
  })
})

describe('subjectWorthListing', () => {
  it('keeps real subjects and drops blanks, placeholders and dates', () => {
    expect(subjectWorthListing('Online harms: an update')).toBe('Online harms: an update')
    expect(subjectWorthListing('  Code of conduct\n review ')).toBe('Code of conduct review')
    for (const empty of [null, '', '   ', 'No subject', '(no subject)', '[No subject given]', 'Untitled', '14 March 2019', 'Thursday, 14th March 2019', 'March 14, 2019', '2019-03-14', '14/03/2019', 'Date: 4 March 2021', 'March 2019']) {
      expect(subjectWorthListing(empty), String(empty)).toBeNull()
    }
    expect(subjectWorthListing('Elections Act 2022')).toBe('Elections Act 2022')
    expect(subjectWorthListing('Meeting of 14 March 2019')).toBe('Meeting of 14 March 2019')
  })
})
