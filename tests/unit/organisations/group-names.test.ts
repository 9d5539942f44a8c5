// Categories from a register file matched to the stakeholder groups a person means.
import { describe, expect, it } from 'vitest'
import { DEFAULT_GROUPS } from '../../../src/shared/domain/groups'
import { groupForCategory } from '../../../src/main/core/organisations/group-names'

const MEANS: [string, string][] = [
  ['Government', 'Government'],
  ['government', 'Government'],
  ['Policing', 'Policing and prosecution'],
  ['Police', 'Policing and prosecution'],
  ['Policing & prosecution', 'Policing and prosecution'],
  ['Social media', 'Social media companies'],
  ['Social Media Company', 'Social media companies'],
  ['Online platforms', 'Social media companies'],
  ['Political party', 'Political parties'],
  ['Parties', 'Political parties'],
  ['Press regulator', 'Press regulators'],
  ['Regulators', 'Press regulators'],
  ['Councils', 'Local government'],
  ['Local authorities', 'Local government'],
  ['Charities', 'Civil society'],
  ['Broadcaster', 'Broadcasters'],
  ['MPs', 'Parliament'],
]

describe('categories from a register file', () => {
  it.each(MEANS)('takes “%s” for the group “%s”', (category, group) => {
    expect(groupForCategory(category, DEFAULT_GROUPS)).toBe(group)
  })

  it.each(['Universities', 'Electoral bodies', 'Trade unions', 'Academics', 'Newspapers'])('gives “%s” a group of its own', (category) => {
    expect(groupForCategory(category, DEFAULT_GROUPS)).toBeNull()
  })

  it('prefers a group the person made over a built-in one it only begins', () => {
    expect(groupForCategory('Social media', [...DEFAULT_GROUPS, 'Social media'])).toBe('Social media')
  })
})
