// Editing the register in the app (issue 12): organisations added, edited and merged,
// recommendations and reports added and edited, unknown senders fixed — each one audited change
// that history.undo takes back exactly, and redo puts back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseOrganisationsCsv, upsertOrganisations } from '../../src/main/core/organisations/organisation-service'
import { parseRecommendationsCsv, upsertRecommendations } from '../../src/main/core/recommendations/recommendation-import'
import { addLetter } from '../support/review-support'
import { columnOf, rowsOf, runSql, valueOf } from '../support/raw-sql'
import { createTestCore, SMALL_RECOMMENDATIONS_CSV, SMALL_REGISTER_CSV, type TestCore } from '../support/test-core'

let core: TestCore
let call: (method: string, input: unknown) => Promise<unknown>

beforeEach(async () => {
  core = await createTestCore()
  await upsertOrganisations(core.ctx, parseOrganisationsCsv(SMALL_REGISTER_CSV))
  await upsertRecommendations(core.ctx, parseRecommendationsCsv(SMALL_RECOMMENDATIONS_CSV), { title: 'Intimidation in public life', year: 2017 })
  const dispatch = core.dispatcher({} as never, { actor: 'amira' })
  call = async (method, input) => {
    const envelope = (await dispatch(method as never, input as never)) as { ok: boolean; value?: unknown; error?: { message: string } }
    if (!envelope.ok) throw new Error(envelope.error?.message)
    return envelope.value
  }
})
afterEach(() => core.dispose())

function withoutVersion(row: Record<string, unknown>): Record<string, unknown> {
  const { version: _version, ...rest } = row
  return rest
}

/** Everything the register edits can touch, row by row, to compare before and after undo. */
async function snapshot() {
  // Versions only go up (undo and redo make a new one, so a save started before them is still
  // stale); every other column must come back exactly.
  const all = async (text: string) => (await rowsOf(core, text)).map(withoutVersion)
  return {
    groups: await all('SELECT * FROM stakeholder_groups ORDER BY id'),
    organisations: await all('SELECT * FROM organisations ORDER BY id'),
    aliases: await all('SELECT * FROM organisation_aliases ORDER BY id'),
    domains: await all('SELECT * FROM organisation_domains ORDER BY id'),
    addresses: await all('SELECT * FROM organisation_addresses ORDER BY id'),
    letters: await all('SELECT id, organisation_id, inference_json FROM letters ORDER BY id'),
    reports: await all('SELECT * FROM reports ORDER BY id'),
    recommendations: await all('SELECT * FROM recommendations ORDER BY id'),
    addressees: await all('SELECT * FROM recommendation_addressees ORDER BY id'),
  }
}

const idOf = async (name: string) => Number(await valueOf(core, 'SELECT id FROM organisations WHERE name = ?', name))
const auditCount = async () => Number(await valueOf(core, 'SELECT count(*) FROM audit_log'))

/** Runs the edit, checks it wrote one audit row, undoes it and checks every row is as before; redoes it and checks it is as after. */
async function expectUndoable(edit: () => Promise<unknown>, action: string) {
  const before = await snapshot()
  const audits = await auditCount()
  await edit()
  const after = await snapshot()
  expect(after).not.toEqual(before)
  expect(await auditCount()).toBe(audits + 1)
  expect(await call('history.undo', {})).toMatchObject({ applied: action })
  expect(await snapshot()).toEqual(before)
  expect(await call('history.redo', {})).toMatchObject({ applied: action })
  expect(await snapshot()).toEqual(after)
}

describe('organisations', () => {
  it('adds one with aliases, domains, address fragments and a group named as people write it', async () => {
    await expectUndoable(async () => {
      const added = await call('organisations.create', { name: 'Ofcom', group: 'Regulators', aliases: ['Office of Communications'], emailDomains: ['@Ofcom.org.uk'], addressFragments: ['Riverside House'] })
      expect(added).toMatchObject({ name: 'Ofcom', group: 'Press regulators', aliases: ['Office of Communications'], emailDomains: ['ofcom.org.uk'], addressFragments: ['Riverside House'] })
    }, 'Added organisation')
  })

  it('adds an unknown category as a new group, at the end', async () => {
    await call('organisations.create', { name: 'UK Sport', group: 'Sports bodies', aliases: [], emailDomains: [] })
    const groups = (await call('groups.list', {})) as { name: string }[]
    expect(groups.at(-1)?.name).toBe('Sports bodies')
  })

  it('edits name, group, aliases and domains, keeping what is not mentioned', async () => {
    const id = await idOf('Home Office')
    await expectUndoable(async () => {
      const edited = await call('organisations.update', { id, name: 'The Home Office', group: 'Policing', addAliases: ['HO'], addDomains: ['ho.gov.uk'] })
      expect(edited).toMatchObject({ name: 'The Home Office', group: 'Policing and prosecution', aliases: ['HO'], emailDomains: ['homeoffice.gov.uk', 'ho.gov.uk'] })
    }, 'Edited organisation')
  })

  it('refuses a name or a domain another organisation has, changing nothing', async () => {
    const before = await snapshot()
    await expect(call('organisations.update', { id: await idOf('Home Office'), name: 'facebook' })).rejects.toThrow('facebook is already in the register.')
    await expect(call('organisations.update', { id: await idOf('Home Office'), addAliases: ['Home'], addDomains: ['fb.com'] })).rejects.toThrow('The e-mail domain fb.com already belongs to Facebook')
    await expect(call('organisations.update', { id: 999, name: 'X' })).rejects.toThrow('There is no organisation with id 999.')
    expect(await snapshot()).toEqual(before)
  })

  it('merges: letters, addressee roles, aliases and domains move, the merged name becomes an alias', async () => {
    const duplicate = ((await call('organisations.create', { name: 'Meta Platforms Inc', group: 'Social media', aliases: ['Instagram'], emailDomains: ['instagram.com'] })) as { id: number }).id
    const letter = await addLetter(core, { text: 'Meta Platforms Inc\nDear Chair', organisation: 'Meta Platforms Inc', date: '2021-03-01' })
    const other = await addLetter(core, { text: 'Facebook\nDear Chair', organisation: 'Facebook', date: '2021-03-02' })
    await call('recommendations.create', { number: '4', text: 'Platforms should report on takedowns.', addressees: ['Meta Platforms Inc', 'Facebook'] })
    await call('recommendations.create', { number: '5', text: 'Platforms should verify advertisers.', addressees: ['Meta Platforms Inc'] })
    await expectUndoable(async () => {
      const merged = (await call('organisations.merge', { fromId: duplicate, intoId: await idOf('Facebook') })) as { aliases: string[] }
      expect(merged).toMatchObject({ name: 'Facebook', emailDomains: ['fb.com', 'meta.com', 'instagram.com'], letterCount: 2 })
      expect([...merged.aliases].sort()).toEqual(['Instagram', 'Meta', 'Meta Platforms', 'Meta Platforms Inc'])
      expect((await columnOf(core, 'SELECT organisation_id FROM letters WHERE id IN (?, ?) ORDER BY id', letter, other)).map(Number)).toEqual([await idOf('Facebook'), await idOf('Facebook')])
      expect(Number(await valueOf(core, 'SELECT count(*) FROM organisations WHERE id = ?', duplicate))).toBe(0)
      const roles = await rowsOf(core, "SELECT r.number, a.organisation_id FROM recommendation_addressees a JOIN recommendations r ON r.id = a.recommendation_id WHERE r.number IN ('4', '5') ORDER BY r.number")
      expect(roles).toEqual([{ number: '4', organisation_id: await idOf('Facebook') }, { number: '5', organisation_id: await idOf('Facebook') }])
    }, 'Merged organisation')
  })

  it('refuses to merge an organisation into itself', async () => {
    await expect(call('organisations.merge', { fromId: await idOf('Facebook'), intoId: await idOf('Facebook') })).rejects.toThrow('cannot be merged into itself')
  })
})

describe('unknown senders', () => {
  async function unknownLetter(name: string | null, domain: string | null) {
    const id = await addLetter(core, { text: `${name ?? ''}\nDear Chair`, date: '2021-05-01' })
    const inference = { ...(name ? { senderName: { value: name, confidence: 0.6, reason: 'letterhead' } } : {}), ...(domain ? { senderDomain: { value: domain, confidence: 0.9, reason: 'e-mail' } } : {}) }
    await runSql(core, 'UPDATE letters SET inference_json = ? WHERE id = ?', JSON.stringify(inference), id)
    return id
  }

  it('offers the closest registered names first, by the name matcher’s words', async () => {
    await call('organisations.create', { name: 'Department for Digital, Culture, Media and Sport', group: 'Government', aliases: [], emailDomains: [] })
    const closest = (await call('organisations.closest', { name: 'Department for Culture, Media & Sport' })) as { name: string; score: number }[]
    expect(closest[0]?.name).toBe('Department for Digital, Culture, Media and Sport')
    expect(closest.map((c) => c.name)).not.toContain('Facebook')
    const acronym = (await call('organisations.closest', { name: 'CPS' })) as { name: string }[]
    expect(acronym[0]?.name).toBe('Crown Prosecution Service')
  })

  it('finds the other letters from the same sender and gives them to an organisation as one undoable change', async () => {
    const first = await unknownLetter('Culture, Media & Sport', 'culture.gov.uk')
    const byName = await unknownLetter('Culture Media and Sport', null)
    const byDomain = await unknownLetter(null, 'CULTURE.gov.uk')
    await unknownLetter('Ofcom', 'ofcom.org.uk')
    const found = (await call('organisations.unmatchedLetters', { senderName: 'Culture, Media & Sport', senderDomain: 'culture.gov.uk' })) as { id: number }[]
    expect(found.map((l) => l.id)).toEqual([first, byName, byDomain])
    await expectUndoable(async () => {
      await call('organisations.update', { id: await idOf('Home Office'), addAliases: ['Culture, Media & Sport'] })
    }, 'Edited organisation')
    await expectUndoable(async () => {
      expect(await call('organisations.assignLetters', { organisationId: await idOf('Home Office'), letterIds: found.map((l) => l.id) })).toEqual({ assigned: 3 })
    }, 'Set 3 letters’ sender')
  })
})

describe('recommendations and reports', () => {
  it('adds a recommendation with addressees and a theme', async () => {
    await expectUndoable(async () => {
      const added = await call('recommendations.create', { number: '4', title: 'Training', text: 'Parties should train candidates.', addressees: ['CPS', 'Government'], theme: 'Training' })
      expect(added).toMatchObject({ number: '4', title: 'Training', text: 'Parties should train candidates.', theme: 'Training', addressees: [{ kind: 'organisation', name: 'Crown Prosecution Service' }, { kind: 'group', name: 'Government' }] })
    }, 'Added recommendation')
  })

  it('edits one found by number: title, text, theme, number and addressees', async () => {
    await expectUndoable(async () => {
      const edited = await call('recommendations.update', { number: '1', title: 'An electoral offence', text: 'New text.', theme: null, addAddressees: ['Facebook'] })
      expect(edited).toMatchObject({ number: '1', title: 'An electoral offence', text: 'New text.', theme: null, addressees: [{ kind: 'organisation', name: 'Home Office' }, { kind: 'organisation', name: 'Facebook' }] })
    }, 'Edited recommendation')
    await expectUndoable(() => call('recommendations.update', { number: '2', addressees: ['IPSO'], newNumber: '2a' }), 'Edited recommendation')
  })

  it('refuses a taken number, an unknown addressee and a missing recommendation, changing nothing', async () => {
    const before = await snapshot()
    await expect(call('recommendations.create', { number: '1', text: 'Again.' })).rejects.toThrow('The report already has a recommendation 1.')
    await expect(call('recommendations.update', { number: '1', addAddressees: ['Nobody Ltd'] })).rejects.toThrow('neither an organisation in the register nor a stakeholder group')
    await expect(call('recommendations.update', { number: '99', title: 'X' })).rejects.toThrow('There is no recommendation 99.')
    expect(await snapshot()).toEqual(before)
  })

  it('adds and edits reports', async () => {
    let id = 0
    await expectUndoable(async () => {
      id = ((await call('reports.create', { title: 'Standards matter 2', year: 2024 })) as { id: number }).id
    }, 'Added report')
    await expectUndoable(() => call('reports.update', { id, title: 'Standards Matter 2', reference: 'CSPL 2024' }), 'Edited report')
    await expect(call('reports.update', { id, title: 'Intimidation in public life' })).rejects.toThrow('There is already a report titled')
  })
})
