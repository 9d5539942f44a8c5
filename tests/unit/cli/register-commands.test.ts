// The register commands' exact forms and output (issue 12): other tools call them and parse --json.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/run-cli'
import { parseOrganisationsCsv, upsertOrganisations } from '../../../src/main/core/organisations/organisation-service'
import { parseRecommendationsCsv, upsertRecommendations } from '../../../src/main/core/recommendations/recommendation-import'
import { createTestCore, SMALL_RECOMMENDATIONS_CSV, SMALL_REGISTER_CSV, type TestCore } from '../../support/test-core'

let scratch: TestCore
let db: string

beforeEach(async () => {
  scratch = await createTestCore()
  await upsertOrganisations(scratch.ctx, parseOrganisationsCsv(SMALL_REGISTER_CSV))
  await upsertRecommendations(scratch.ctx, parseRecommendationsCsv(SMALL_RECOMMENDATIONS_CSV), { title: 'Intimidation in public life', year: 2017 })
  db = scratch.databasePath
  await scratch.close()
})
afterEach(() => scratch.dispose().catch(() => undefined))

async function cli(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(['--db', db, ...args], { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out, err }
}

async function organisations() {
  const listed = await cli('organisations', 'list', '--json')
  expect(listed.code).toBe(0)
  expect(listed.out).toHaveLength(1)
  return JSON.parse(listed.out[0]!) as { id: number; name: string; group: string; aliases: string[]; emailDomains: string[] }[]
}

describe('organisations commands', () => {
  it('list --json prints one array with exactly the agreed keys', async () => {
    const list = await organisations()
    expect(list).toHaveLength(4)
    for (const o of list) expect(Object.keys(o)).toEqual(['id', 'name', 'group', 'aliases', 'emailDomains', 'addressFragments', 'letterCount'])
    expect(list.find((o) => o.name === 'Facebook')).toMatchObject({ group: 'Social media companies', emailDomains: ['fb.com', 'meta.com'] })
  })

  it('add takes repeated --alias and --domain, and a group as people write it', async () => {
    const added = await cli('organisations', 'add', '--name', 'Metropolitan Police', '--group', 'Policing', '--alias', 'Met', '--alias', 'Scotland Yard', '--domain', 'met.police.uk')
    expect(added).toMatchObject({ code: 0, err: [] })
    expect(added.out[0]).toMatch(/^Added Metropolitan Police \(Policing and prosecution; id \d+\)\.$/)
    expect((await organisations()).find((o) => o.name === 'Metropolitan Police')).toMatchObject({ aliases: ['Met', 'Scotland Yard'], emailDomains: ['met.police.uk'] })
  })

  it('update adds aliases and domains and renames; merge keeps the merged name as an alias', async () => {
    const facebook = (await organisations()).find((o) => o.name === 'Facebook')!
    const home = (await organisations()).find((o) => o.name === 'Home Office')!
    expect((await cli('organisations', 'update', '--id', String(home.id), '--name', 'Home Office (UK)', '--add-alias', 'HO', '--add-domain', 'ho.gov.uk')).code).toBe(0)
    expect((await organisations()).find((o) => o.id === home.id)).toMatchObject({ name: 'Home Office (UK)', aliases: ['HO'], emailDomains: ['homeoffice.gov.uk', 'ho.gov.uk'] })
    const merged = await cli('organisations', 'merge', '--from', String(home.id), '--into', String(facebook.id))
    expect(merged.code).toBe(0)
    const list = await organisations()
    expect(list.find((o) => o.id === home.id)).toBeUndefined()
    expect(list.find((o) => o.id === facebook.id)?.aliases).toEqual(expect.arrayContaining(['Home Office (UK)', 'HO']))
  })

  it('says clearly what is wrong, exit 1 for a refusal and 2 for bad usage', async () => {
    const taken = await cli('organisations', 'add', '--name', 'facebook', '--group', 'Government')
    expect(taken).toMatchObject({ code: 1, err: ['facebook is already in the register.'] })
    const missing = await cli('organisations', 'update', '--id', '999', '--name', 'X')
    expect(missing).toMatchObject({ code: 1, err: ['There is no organisation with id 999.'] })
    const noName = await cli('organisations', 'add', '--group', 'Government')
    expect(noName.code).toBe(2)
    expect(noName.err[0]).toBe('This command needs --name NAME.')
    const badId = await cli('organisations', 'merge', '--from', 'x', '--into', '1')
    expect(badId.code).toBe(2)
  })
})

describe('recommendations commands', () => {
  it('add and update by number, with repeated addressees', async () => {
    const added = await cli('recommendations', 'add', '--number', '4', '--title', 'Training', '--text', 'Train candidates.', '--addressee', 'CPS', '--addressee', 'Government')
    expect(added).toMatchObject({ code: 0, out: ['Added recommendation 4: Training.'] })
    const updated = await cli('recommendations', 'update', '--number', '4', '--title', 'Candidate training', '--add-addressee', 'Facebook')
    expect(updated).toMatchObject({ code: 0, out: ['Updated recommendation 4: Candidate training; addressed to Crown Prosecution Service; Government; Facebook.'] })
    const unknown = await cli('recommendations', 'update', '--number', '4', '--add-addressee', 'Nobody Ltd')
    expect(unknown.code).toBe(1)
    expect(unknown.err[0]).toMatch(/addressed to “Nobody Ltd”, which is neither an organisation/)
  })
})

describe('groups list', () => {
  it('--json prints the groups in export order, each {"name","organisations"} with the organisations’ names, empty groups left out', async () => {
    const listed = await cli('groups', 'list', '--json')
    expect(listed.code).toBe(0)
    const groups = JSON.parse(listed.out[0]!) as { name: string; organisations: string[] }[]
    for (const g of groups) expect(Object.keys(g)).toEqual(['name', 'organisations'])
    expect(groups).toEqual([
      { name: 'Press regulators', organisations: ['Independent Press Standards Organisation'] },
      { name: 'Policing and prosecution', organisations: ['Crown Prosecution Service'] },
      { name: 'Social media companies', organisations: ['Facebook'] },
      { name: 'Government', organisations: ['Home Office'] },
    ])
  })
})
