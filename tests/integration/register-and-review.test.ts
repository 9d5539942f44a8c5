import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { recentAudit } from '../../src/main/core/history/audit-queries'
import { createCycle } from '../../src/main/core/cycles/cycle-service'
import { importFiles } from '../../src/main/core/letters/import-service'
import { getLetter, listLetters } from '../../src/main/core/letters/letter-queries'
import { listOrganisations } from '../../src/main/core/organisations/organisation-list'
import { parseOrganisationsCsv, upsertOrganisations } from '../../src/main/core/organisations/organisation-service'
import { parseRecommendationsCsv, upsertRecommendations } from '../../src/main/core/recommendations/recommendation-import'
import { getRecommendation, listRecommendations } from '../../src/main/core/recommendations/recommendation-queries'
import { setAssessment } from '../../src/main/core/cycles/assessment-service'
import { createLink, removeLink } from '../../src/main/core/links/link-service'
import { createTestCore, SMALL_RECOMMENDATIONS_CSV, SMALL_REGISTER_CSV, textFile, type TestCore } from '../support/test-core'
import { valueOf } from '../support/raw-sql'

let core: TestCore
beforeEach(async () => {
  core = await createTestCore()
})
afterEach(() => core.dispose())

async function seed() {
  await upsertOrganisations(core.ctx, parseOrganisationsCsv(SMALL_REGISTER_CSV))
  await upsertRecommendations(core.ctx, parseRecommendationsCsv(SMALL_RECOMMENDATIONS_CSV), { title: 'Intimidation in public life', year: 2017 })
  const cycleId = await createCycle(core.ctx, { name: '2021 progress review', startsOn: '2020-06-01', endsOn: '2021-06-30' })
  const [outcome] = await importFiles(core.ctx, [textFile('ipso.txt', 'IPSO\n4 March 2021\nRe: Code\nOur Code already covers harassment of people in public life.')], 'cli')
  const letterId = (outcome as { letterId: number }).letterId
  const recommendations = await listRecommendations(core.ctx)
  const byNumber = (n: string) => recommendations.find((r) => r.number === n)!.id
  return { cycleId, letterId, byNumber }
}

describe('the organisation register', () => {
  it('imports the CSV with groups, aliases and domains, and upserts by name', async () => {
    expect(await upsertOrganisations(core.ctx, parseOrganisationsCsv(SMALL_REGISTER_CSV))).toEqual({ created: 4, updated: 0 })
    const again = SMALL_REGISTER_CSV.replace('Home Office,Government,,', 'Home Office,government,HO,')
    expect(await upsertOrganisations(core.ctx, parseOrganisationsCsv(again))).toEqual({ created: 0, updated: 4 })
    const organisations = await listOrganisations(core.ctx)
    expect(organisations.find((o) => o.name === 'Facebook')).toMatchObject({ group: 'Social media companies', aliases: ['Meta', 'Meta Platforms'], emailDomains: ['fb.com', 'meta.com'] })
    expect(organisations.find((o) => o.name === 'Home Office')).toMatchObject({ group: 'Government', aliases: ['HO'] })
  })

  it('creates an unknown category as a new group', async () => {
    // ("Regulators" would now mean the built-in "Press regulators": see group-names.ts.)
    await upsertOrganisations(core.ctx, parseOrganisationsCsv('name,category,aliases,email_domains\nUK Sport,Sports bodies,,uksport.gov.uk'))
    expect((await listOrganisations(core.ctx))[0]).toMatchObject({ name: 'UK Sport', group: 'Sports bodies' })
  })

  it('refuses a CSV without the expected columns, and a domain given twice, changing nothing', async () => {
    expect(() => parseOrganisationsCsv('name,group\nA,B')).toThrow(/no category, aliases, email_domains column/)
    const clash = 'name,category,aliases,email_domains\nA,Government,,same.gov.uk\nB,Government,,same.gov.uk'
    await expect(upsertOrganisations(core.ctx, parseOrganisationsCsv(clash))).rejects.toThrow(/same\.gov\.uk is given to two organisations/)
    expect(await listOrganisations(core.ctx)).toEqual([])
  })
})

describe('recommendations', () => {
  it('imports with addressees as organisations, aliases or whole groups', async () => {
    await upsertOrganisations(core.ctx, parseOrganisationsCsv(SMALL_REGISTER_CSV))
    const result = await upsertRecommendations(core.ctx, parseRecommendationsCsv(SMALL_RECOMMENDATIONS_CSV), null)
    expect(result).toMatchObject({ created: 3, updated: 0 })
    const list = await listRecommendations(core.ctx)
    expect(list.map((r) => r.number)).toEqual(['1', '2', '3'])
    expect(list[1]?.addressees).toEqual([{ kind: 'group', name: 'Social media companies' }])
    expect(list[2]?.addressees).toEqual([{ kind: 'organisation', name: 'Independent Press Standards Organisation' }])
    expect(list[0]?.status).toBe('Not yet assessed')
  })

  it('names an unknown addressee and imports nothing', async () => {
    await expect(upsertRecommendations(core.ctx, parseRecommendationsCsv('number,title,text,addressees,theme\n1,T,Text,Nobody Ltd,x'), null)).rejects.toThrow(/“Nobody Ltd”, which is neither/)
    expect(await listRecommendations(core.ctx)).toEqual([])
  })

  it('refuses a number given twice', () => {
    expect(() => parseRecommendationsCsv('number,title,text,addressees,theme\n1,A,a,,\n1,B,b,,')).toThrow(/appears twice/)
  })
})

describe('links and assessments', () => {
  it('links a passage, shows it on both sides, and removes it with its passage', async () => {
    const { letterId, byNumber } = await seed()
    const link = await createLink(core.ctx, { letterId, recommendationId: byNumber('3'), quote: 'covers harassment', note: 'Key evidence' })
    expect(link).toMatchObject({ recommendationNumber: '3', quote: 'covers harassment', note: 'Key evidence' })
    expect((await getLetter(core.ctx, letterId)).linkedRecommendations).toEqual(['3'])
    const detail = await getRecommendation(core.ctx, byNumber('3'))
    expect(detail.linkedLetters).toEqual([expect.objectContaining({ letterId, organisation: 'Independent Press Standards Organisation', date: '2021-03-04', quote: 'covers harassment' })])
    expect(detail.evidenceCount).toBe(1)
    await removeLink(core.ctx, link.id)
    expect((await getRecommendation(core.ctx, byNumber('3'))).linkedLetters).toEqual([])
    expect((await valueOf(core, 'SELECT count(*) FROM passages'))).toBe(0)
    await expect(removeLink(core.ctx, link.id)).rejects.toThrow(/no link with id/)
  })

  it('lists letters newest first and undated last, each with its recommendations in the report\'s order', async () => {
    const { letterId, byNumber } = await seed()
    const more = await importFiles(core.ctx, [
      textFile('undated.txt', 'A note with no date in it at all, about harassment of candidates online.'),
      textFile('older.txt', 'Home Office\n2 January 2019\nRe: Offence\nWe will consult on a new electoral offence.'),
      textFile('newer.txt', 'Home Office\n9 September 2021\nRe: Offence\nThe consultation on the electoral offence has closed.'),
    ], 'cli')
    const [undated, older, newer] = more.map((o) => (o as { letterId: number }).letterId)
    await createLink(core.ctx, { letterId, recommendationId: byNumber('3'), quote: 'covers harassment' })
    await createLink(core.ctx, { letterId, recommendationId: byNumber('1') })
    await createLink(core.ctx, { letterId, recommendationId: byNumber('3'), quote: 'Our Code' })
    const list = await listLetters(core.ctx)
    expect(list.map((l) => l.id)).toEqual([newer, letterId, older, undated])
    expect(list.find((l) => l.id === letterId)?.linkedRecommendations).toEqual(['1', '3'])
    expect(list.find((l) => l.id === older)?.linkedRecommendations).toEqual([])
    expect((await listLetters(core.ctx, { linked: 'linked' })).map((l) => l.id)).toEqual([letterId])
    expect((await listLetters(core.ctx, { linked: 'unlinked' })).map((l) => l.id)).toEqual([newer, older, undated])
  })

  it('refuses a quote that is not in the letter', async () => {
    const { letterId, byNumber } = await seed()
    await expect(createLink(core.ctx, { letterId, recommendationId: byNumber('3'), quote: 'words never written' })).rejects.toThrow(/not in the text/)
    expect((await valueOf(core, 'SELECT count(*) FROM links'))).toBe(0)
  })

  it('sets and replaces a status and narrative per cycle, keeping the response unless changed', async () => {
    const { cycleId, byNumber } = await seed()
    const id = byNumber('1')
    await setAssessment(core.ctx, { recommendationId: id, cycleId, status: 'In progress', response: 'Accepted', narrative: 'Consulted.\r\n\r\nLegislation to follow.' })
    const view = await setAssessment(core.ctx, { recommendationId: id, cycleId, status: 'Implemented', narrative: 'Done.' })
    expect(view).toMatchObject({ status: 'Implemented', response: 'Accepted', narrative: 'Done.' })
    const detail = await getRecommendation(core.ctx, id)
    expect(detail.status).toBe('Implemented')
    expect(detail.assessments[0]).toMatchObject({ cycleName: '2021 progress review', status: 'Implemented', response: 'Accepted' })
    expect((await valueOf(core, 'SELECT count(*) FROM assessments'))).toBe(1)
  })

  it('writes an audit row for every change, with before and after', async () => {
    const { cycleId, letterId, byNumber } = await seed()
    await createLink(core.ctx, { letterId, recommendationId: byNumber('3') })
    await setAssessment(core.ctx, { recommendationId: byNumber('3'), cycleId, status: 'Implemented', narrative: 'Welcome.' })
    const audit = await recentAudit(core.ctx, 3)
    expect(audit.map((a) => a.action)).toEqual(['Assessed recommendation', 'Linked letter', 'Imported letter'])
    expect(audit[0]).toMatchObject({ actor: 'secretariat', at: '2021-07-01T09:30:00.000Z', entity: 'recommendation' })
  })
})
