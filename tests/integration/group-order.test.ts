// Groups that follow the user's data (issue 12): a register file's categories are matched to the
// built-in groups, unknown ones become groups, the groups it names come first in its order, groups
// with no organisations stay out of the dashboard, the order list and the export, and a reordering
// is one undoable change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCycle } from '../../src/main/core/cycles/cycle-service'
import { dashboard } from '../../src/main/core/cycles/dashboard'
import { parseOrganisationsCsv, upsertOrganisations } from '../../src/main/core/organisations/organisation-service'
import { parseRecommendationsCsv, upsertRecommendations } from '../../src/main/core/recommendations/recommendation-import'
import { getExportSettings } from '../../src/main/core/summary/export-settings'
import { rowsOf, valueOf } from '../support/raw-sql'
import { createTestCore, type TestCore } from '../support/test-core'

let core: TestCore
let call: (method: string, input: unknown) => Promise<unknown>
beforeEach(async () => {
  core = await createTestCore()
  const dispatch = core.dispatcher({} as never, { actor: 'amira' })
  call = async (method, input) => {
    const envelope = (await dispatch(method as never, input as never)) as { ok: boolean; value?: unknown; error?: { message: string } }
    if (!envelope.ok) throw new Error(envelope.error?.message)
    return envelope.value
  }
})
afterEach(() => core.dispose())

// The report of the issue: "Policing" and "Social media" landed behind seven empty built-in groups.
const CSV = [
  'name,category,aliases,email_domains',
  'Metropolitan Police,Policing,Met,met.police.uk',
  'Twitter,Social media,,twitter.com',
  'Crown Prosecution Service,Policing,CPS,cps.gov.uk',
  'UK Sport,Sports bodies,,uksport.gov.uk',
  'Home Office,Government,,homeoffice.gov.uk',
].join('\n')

const names = (groups: unknown) => (groups as { name: string }[]).map((g) => g.name)

describe('groups from a register file', () => {
  it('maps categories to the built-in groups, adds unknown ones, and orders the groups as the file first names them', async () => {
    await call('organisations.importCsv', { csv: CSV })
    const order = (await call('groups.order', {})) as { name: string; organisations: string[] }[]
    expect(order).toEqual([
      { name: 'Policing and prosecution', organisations: ['Crown Prosecution Service', 'Metropolitan Police'] },
      { name: 'Social media companies', organisations: ['Twitter'] },
      { name: 'Sports bodies', organisations: ['UK Sport'] },
      { name: 'Government', organisations: ['Home Office'] },
    ])
    // Every group is still there for choosing (in the same order: the named ones first, then the rest).
    const all = names(await call('groups.list', {}))
    expect(all.slice(0, 4)).toEqual(['Policing and prosecution', 'Social media companies', 'Sports bodies', 'Government'])
    expect(all.length).toBeGreaterThan(4)
    expect((await getExportSettings(core.ctx.db)).groupOrder).toEqual(names(order))
  })

  it('keeps a group with no organisations that a recommendation is addressed to as a whole, and leaves the other empty groups out of the dashboard and export', async () => {
    await call('organisations.importCsv', { csv: CSV })
    await upsertRecommendations(core.ctx, parseRecommendationsCsv('number,title,text,addressees,theme\n1,Offence,Consult on an offence.,Home Office,\n2,Parties,Parties should act.,Political parties,'), null)
    await createCycle(core.ctx, { name: '2021', startsOn: '2021-01-01', endsOn: '2021-12-31' })
    const order = names(await call('groups.order', {}))
    expect(order).toEqual(['Policing and prosecution', 'Social media companies', 'Sports bodies', 'Government', 'Political parties'])
    const shown = (await dashboard(core.ctx)).groups.map((g) => g.group)
    expect(shown).toEqual(['Government', 'Political parties'])
    for (const empty of ['Press regulators', 'Broadcasters', 'Parliament']) {
      expect(order).not.toContain(empty)
      expect((await getExportSettings(core.ctx.db)).groupOrder).not.toContain(empty)
    }
  })

  it('puts the groups of a second file first in its order, the rest after in theirs', async () => {
    await upsertOrganisations(core.ctx, parseOrganisationsCsv(CSV))
    await upsertOrganisations(core.ctx, parseOrganisationsCsv('name,category,aliases,email_domains\nTwitter,Platforms,,'))
    expect(names(await call('groups.order', {}))).toEqual(['Social media companies', 'Policing and prosecution', 'Sports bodies', 'Government'])
  })
})

describe('reordering groups', () => {
  it('is one audited change, undone and redone exactly', async () => {
    await call('organisations.importCsv', { csv: CSV })
    const positions = () => rowsOf(core, 'SELECT id, name, position FROM stakeholder_groups ORDER BY id')
    const before = await positions()
    const audits = async () => Number(await valueOf(core, "SELECT count(*) FROM audit_log WHERE action = 'Reordered stakeholder groups'"))
    // Government from fourth to first: three steps of "Move up", one change.
    expect(names(await call('groups.reorder', { names: ['Government', 'Policing and prosecution', 'Social media companies', 'Sports bodies'] }))).toEqual([
      'Government',
      'Policing and prosecution',
      'Social media companies',
      'Sports bodies',
    ])
    expect(await audits()).toBe(1)
    const after = await positions()
    expect(await call('history.undo', {})).toMatchObject({ applied: 'Reordered stakeholder groups' })
    expect(await positions()).toEqual(before)
    expect(await call('history.redo', {})).toMatchObject({ applied: 'Reordered stakeholder groups' })
    expect(await positions()).toEqual(after)
  })

  it('through the export settings, as the order list saves it, too', async () => {
    await call('organisations.importCsv', { csv: CSV })
    const settings = (await call('summary.saveSettings', { groupOrder: ['Sports bodies', 'Government'] })) as { groupOrder: string[] }
    expect(settings.groupOrder).toEqual(['Sports bodies', 'Government', 'Policing and prosecution', 'Social media companies'])
    expect(names(await call('groups.order', {}))).toEqual(settings.groupOrder)
  })

  it('refuses an unknown or repeated group, changing nothing', async () => {
    await call('organisations.importCsv', { csv: CSV })
    const before = names(await call('groups.list', {}))
    await expect(call('groups.reorder', { names: ['Government', 'Nobody'] })).rejects.toThrow('There is no stakeholder group called “Nobody”')
    await expect(call('groups.reorder', { names: ['Government', 'government'] })).rejects.toThrow('The group “Government” is named twice')
    expect(names(await call('groups.list', {}))).toEqual(before)
  })
})
