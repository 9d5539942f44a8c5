import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { compareCycles } from '../../src/main/core/cycles/compare-cycles'
import { startCycle } from '../../src/main/core/cycles/start-cycle'
import { UndoSession } from '../../src/main/core/history/undo-session'
import { setAssessment } from '../../src/main/core/cycles/assessment-service'
import { chaseList } from '../../src/main/core/organisations/chase-list'
import { acceptCommitment, commitmentOffers, dismissCommitment, listCommitments, setCommitmentStatus } from '../../src/main/core/commitments/commitment-service'
import { dashboard } from '../../src/main/core/cycles/dashboard'
import { createLink } from '../../src/main/core/links/link-service'
import { acceptSuggestion, rejectSuggestion, suggestForLetter, suggestForPassage, suggestPassagesForRecommendation } from '../../src/main/core/suggestions/suggestion-service'
import { addLetter, seedDemoRegister } from '../support/review-support'
import { createTestCore, type TestCore } from '../support/test-core'
import { rowOf, valueOf } from '../support/raw-sql'

let core: TestCore
let byNumber: (n: string) => number
let cycles: { y2019: number; y2021: number }
beforeEach(async () => {
  core = await createTestCore()
  ;({ byNumber, cycles } = await seedDemoRegister(core))
})
afterEach(() => core.dispose())

const organisationId = async (name: string) => Number(await valueOf(core, 'SELECT id FROM organisations WHERE name = ?', name))

describe('suggestions in use', () => {
  const text = `Labour Party\n\n12 April 2021\n\nDear Chair,\n\nOn recommendation 14, members who intimidate opponents are now suspended at once and, where the complaint is upheld, expelled.\n\nWe also publish each year the number of complaints of intimidation and their outcomes.\n\nYours sincerely,\nGeneral Secretary`

  it('accepts a suggestion as a passage link, remembers a rejection, and never offers either again', async () => {
    const letterId = await addLetter(core, { text, organisation: 'Labour Party', date: '2021-04-12' })
    const [first, second] = await suggestForLetter(core.ctx, letterId)
    expect(first).toMatchObject({ recommendationNumber: '14', why: expect.stringMatching(/^Cites recommendation 14; shares .*; addressed to Political parties, the sender's group$/) })
    expect(text.slice(first!.passage!.start, first!.passage!.end)).toBe(first!.passage!.text)
    expect(first!.passage!.text).toMatch(/^On recommendation 14, members who intimidate/)
    expect(second!.recommendationNumber).toBe('15')

    const link = await acceptSuggestion(core.ctx, { letterId, recommendationId: first!.recommendationId, start: first!.passage!.start, end: first!.passage!.end })
    expect(link).toMatchObject({ recommendationNumber: '14', passageId: expect.any(Number), start: first!.passage!.start })
    await rejectSuggestion(core.ctx, { letterId, recommendationId: second!.recommendationId })
    await rejectSuggestion(core.ctx, { letterId, recommendationId: second!.recommendationId }) // twice is harmless
    const after = (await suggestForLetter(core.ctx, letterId)).map((s) => s.recommendationNumber)
    expect(after).not.toContain('14')
    expect(after).not.toContain('15')

    // A whole-letter accept, and undo of a rejection brings the suggestion back.
    const session = new UndoSession(core.ctx, core.ctx.actor, 0)
    await session.state()
    expect((await session.undo()).applied).toBe('Rejected suggestion')
    expect((await suggestForLetter(core.ctx, letterId)).map((s) => s.recommendationNumber)).toContain('15')
    expect(await acceptSuggestion(core.ctx, { letterId, recommendationId: byNumber('15') })).toMatchObject({ passageId: null, recommendationNumber: '15' })
  })

  it('suggests for a selected passage, looking for cited numbers in the selection only', async () => {
    const letterId = await addLetter(core, { text, organisation: 'Labour Party', date: '2021-04-12' })
    const start = text.indexOf('We also publish')
    const end = text.indexOf('outcomes.') + 'outcomes.'.length
    const suggestions = await suggestForPassage(core.ctx, { letterId, start, end })
    expect(suggestions[0]).toMatchObject({ recommendationNumber: '15', passage: { start, end } })
    expect(suggestions.map((s) => s.recommendationNumber)).not.toContain('14')
    await expect(suggestForPassage(core.ctx, { letterId, start: 10, end: 5 })).rejects.toThrow(/outside the letter's text/)
  })

  it('finds, for a recommendation, unlinked passages of letters most likely about it', async () => {
    const about = await addLetter(core, { text: 'Dear Chair,\n\nEvery force has designated an elections single point of contact for candidates.\n\nYours sincerely', organisation: "National Police Chiefs' Council", date: '2021-01-11' })
    const linked = await addLetter(core, { text: 'Dear Chair,\n\nA single point of contact is named in every force for the elections.\n\nYours sincerely', organisation: "National Police Chiefs' Council", date: '2021-02-11' })
    await addLetter(core, { text: 'Dear Chair,\n\nOur code of conduct is published.\n\nYours sincerely', organisation: 'Labour Party', date: '2021-01-11' })
    await createLink(core.ctx, { letterId: linked, recommendationId: byNumber('19') })
    const found = await suggestPassagesForRecommendation(core.ctx, { recommendationId: byNumber('19') })
    expect(found.map((f) => f.letterId)).toEqual([about])
    expect(found[0]).toMatchObject({ organisation: "National Police Chiefs' Council", text: 'Every force has designated an elections single point of contact for candidates.' })
  })
})

describe('cycles', () => {
  it('starts a cycle copying statuses (and narratives when asked) from the latest one', async () => {
    await setAssessment(core.ctx, { recommendationId: byNumber('1'), cycleId: cycles.y2021, status: 'In progress', response: 'Accepted', narrative: 'Consulted in 2018.' })
    const plain = await startCycle(core.ctx, { name: '2023 progress review', startsOn: '2022-07-01', endsOn: '2023-06-30' })
    expect(plain).toMatchObject({ name: '2023 progress review', copied: 1, copiedFrom: '2021 progress review' })
    expect((await rowOf(core, 'SELECT status, response, narrative FROM assessments WHERE cycle_id = ?', plain.id))).toEqual({ status: 'In progress', response: 'Accepted', narrative: '' })
    const withText = await startCycle(core.ctx, { name: '2023 draft', startsOn: null, endsOn: null, copyFrom: cycles.y2021, copy: 'statuses-and-narratives' })
    expect((await valueOf(core, 'SELECT narrative FROM assessments WHERE cycle_id = ?', withText.id))).toBe('Consulted in 2018.')
    expect((await startCycle(core.ctx, { name: 'Blank', startsOn: null, endsOn: null, copy: 'nothing' })).copied).toBe(0)
    await expect(startCycle(core.ctx, { name: '2023 PROGRESS REVIEW', startsOn: null, endsOn: null })).rejects.toThrow(/already exists/)
    await expect(startCycle(core.ctx, { name: 'Backwards', startsOn: '2023-01-01', endsOn: '2022-01-01' })).rejects.toThrow('The cycle ends before it starts; check the two dates.')
  })

  it('compares cycles: moves forward and backward per recommendation and group, with a word-level redline', async () => {
    const set = (n: string, cycleId: number, status: Parameters<typeof setAssessment>[1]['status'], narrative: string) => setAssessment(core.ctx, { recommendationId: byNumber(n), cycleId, status, narrative })
    await set('12', cycles.y2019, 'In progress', 'Most parties have a code.')
    await set('12', cycles.y2021, 'Implemented', 'Every party has a code.')
    await set('14', cycles.y2019, 'Implemented', 'Parties act promptly.')
    await set('14', cycles.y2021, 'Partially implemented', 'Parties act, but not always promptly.')
    await set('13', cycles.y2021, 'In progress', 'A joint statement was agreed.')
    await set('15', cycles.y2019, 'In progress', '')
    await set('15', cycles.y2021, 'Superseded', '')

    const comparison = await compareCycles(core.ctx, { group: 'Political parties' })
    expect(comparison.from).toEqual({ id: cycles.y2019, name: '2019 progress review' })
    expect(comparison.to).toEqual({ id: cycles.y2021, name: '2021 progress review' })
    const move = (n: string) => comparison.recommendations.find((r) => r.number === n)!
    expect(move('12')).toMatchObject({ move: 'forward', backward: false, from: { status: 'In progress' }, to: { status: 'Implemented' } })
    expect(move('12').redline).toEqual([
      { kind: 'removed', text: 'Most parties have' },
      { kind: 'added', text: 'Every party has' },
      { kind: 'same', text: ' a code.' },
    ])
    expect(move('14')).toMatchObject({ move: 'backward', backward: true })
    expect(move('13')).toMatchObject({ move: 'new', from: null })
    expect(move('15')).toMatchObject({ move: 'changed' })
    expect(move('16')).toMatchObject({ move: 'same', to: { status: 'Not yet assessed' } })
    expect(comparison.groups).toEqual([{ group: 'Political parties', total: 7, forward: 1, backward: 1, same: 3, changed: 1, new: 1 }])
    expect((await compareCycles(core.ctx, { recommendationId: byNumber('14') })).recommendations).toHaveLength(1)
    await expect(compareCycles(core.ctx, { group: 'Nobody' })).rejects.toThrow('There is no stakeholder group called “Nobody”.')
  })
})

describe('chase list', () => {
  it('lists addressees without a reply in the cycle, with when they were last written to, overdue first', async () => {
    // Today is 1 July 2021 (the test clock); the 2021 cycle ended on 30 June 2021.
    await addLetter(core, { text: 'Committee to Twitter', organisation: 'Twitter', date: '2021-06-20', direction: 'outgoing' })
    await addLetter(core, { text: 'Committee to Facebook', organisation: 'Facebook', date: '2021-05-01', direction: 'outgoing' })
    await addLetter(core, { text: 'Twitter reply', organisation: 'Twitter', date: '2019-10-21' })
    await addLetter(core, { text: 'Labour reply', organisation: 'Labour Party', date: '2021-04-12' })
    const list = await chaseList(core.ctx, { cycleId: cycles.y2021 })
    const entry = (name: string) => list.find((e) => e.organisation === name)
    expect(entry('Labour Party')).toBeUndefined()
    expect(entry('Twitter')).toMatchObject({ lastWrittenTo: '2021-06-20', lastReply: '2019-10-21', repliedThisCycle: false, replyDueBy: '2021-07-18', overdue: false, group: 'Social media companies' })
    expect(entry('Twitter')!.recommendations).toEqual(['6', '7', '8', '9', '10', '11'])
    expect(entry('Facebook')).toMatchObject({ replyDueBy: '2021-05-29', overdue: true })
    expect(entry('Home Office')).toMatchObject({ lastWrittenTo: null, replyDueBy: '2021-06-30', overdue: true, recommendations: ['5'] })
    expect(list.findIndex((e) => !e.overdue)).toBeGreaterThan(list.findIndex((e) => e.overdue))
    expect((await chaseList(core.ctx, { cycleId: cycles.y2021, includeReplied: true })).find((e) => e.organisation === 'Labour Party')).toMatchObject({ repliedThisCycle: true, overdue: false })
  })
})

describe('commitments', () => {
  it('offers dated promises, and tracks accepted ones until met or missed', async () => {
    const text = 'Impress\n\n10 March 2021\n\nDear Chair,\n\nOur new Standards Code will be published in 2022. We intend to write again by the end of June 2021. We reviewed the code in 2019.\n\nYours sincerely,\nJo'
    const letterId = await addLetter(core, { text, organisation: 'Impress', date: '2021-03-10' })
    await createLink(core.ctx, { letterId, recommendationId: byNumber('25'), quote: 'Our new Standards Code will be published in 2022.' })
    const offers = await commitmentOffers(core.ctx, { letterId })
    expect(offers.map((o) => [o.text, o.dueOn, o.dueText, o.recommendationNumber])).toEqual([
      ['Our new Standards Code will be published in 2022.', '2022-12-31', 'in 2022', '25'],
      ['We intend to write again by the end of June 2021.', '2021-06-30', 'by the end of June 2021', null],
    ])
    const code = await acceptCommitment(core.ctx, { ...offers[0]!, recommendationId: offers[0]!.recommendationId })
    expect(code).toMatchObject({ status: 'open', overdue: false, organisation: 'Impress', group: 'Press regulators', recommendationNumber: '25' })
    const reply = await acceptCommitment(core.ctx, offers[1]!)
    expect(reply.overdue).toBe(true) // due 30 June 2021, today is 1 July 2021
    expect(await commitmentOffers(core.ctx, { letterId })).toEqual([])

    await setCommitmentStatus(core.ctx, { id: reply.id, status: 'missed', note: 'No letter came.' })
    expect((await listCommitments(core.ctx, { status: 'open' })).map((c) => c.id)).toEqual([code.id])
    expect((await listCommitments(core.ctx, { cycleId: cycles.y2021 })).map((c) => [c.id, c.status])).toEqual([[reply.id, 'missed']])
    expect(await setCommitmentStatus(core.ctx, { id: code.id, status: 'met' })).toMatchObject({ status: 'met', overdue: false })
  })

  it('remembers a dismissed offer, and offers across a cycle', async () => {
    const letterId = await addLetter(core, { text: 'Dear Chair,\n\nWe will publish figures in July 2021.\n\nYours sincerely', organisation: 'Twitter', date: '2021-03-01' })
    const [offer] = await commitmentOffers(core.ctx, { cycleId: cycles.y2021 })
    expect(offer).toMatchObject({ letterId, dueOn: '2021-07-31', organisation: 'Twitter' })
    await dismissCommitment(core.ctx, offer!)
    expect(await commitmentOffers(core.ctx, { cycleId: cycles.y2021 })).toEqual([])
    expect(await listCommitments(core.ctx)).toEqual([])
    expect((await listCommitments(core.ctx, { status: 'dismissed' })).map((c) => c.letterId)).toEqual([letterId])
  })
})

describe('dashboard', () => {
  it('counts per stakeholder group: statuses, unlinked letters, missing evidence, chases and commitments', async () => {
    const labour = await addLetter(core, { text: 'Dear Chair,\n\nWe will publish our code in May 2021.\n\nYours sincerely', organisation: 'Labour Party', date: '2021-04-12' })
    await addLetter(core, { text: 'Dear Chair,\n\nAn update.\n\nYours sincerely', organisation: 'Conservative Party', date: '2021-04-06' })
    await addLetter(core, { text: 'Dear Chair,\n\nFrom someone unknown.', date: '2021-04-06' })
    await createLink(core.ctx, { letterId: labour, recommendationId: byNumber('12') })
    await setAssessment(core.ctx, { recommendationId: byNumber('12'), cycleId: cycles.y2021, status: 'Implemented', narrative: '' })
    await setAssessment(core.ctx, { recommendationId: byNumber('13'), cycleId: cycles.y2021, status: 'In progress', narrative: '' })
    const [offer] = await commitmentOffers(core.ctx, { letterId: labour })
    await acceptCommitment(core.ctx, offer!)

    const board = await dashboard(core.ctx, cycles.y2021)
    expect(board.cycle).toMatchObject({ name: '2021 progress review' })
    expect(board.today).toBe('2021-07-01')
    const parties = board.groups.find((g) => g.group === 'Political parties')!
    expect(parties).toMatchObject({ recommendations: 7, unlinkedLetters: 1, withoutEvidence: 6, statusWithoutEvidence: 1, commitmentsDue: 1 })
    expect(parties.statusCounts.filter((s) => s.count > 0)).toEqual([
      { status: 'Implemented', count: 1 },
      { status: 'In progress', count: 1 },
      { status: 'Not yet assessed', count: 5 },
    ])
    // Six parties, two of which wrote in the cycle.
    expect(parties.chasesDue).toBe(4)
    expect(board.groups.map((g) => g.group)).toEqual(['Government', 'Political parties', 'Policing and prosecution', 'Social media companies', 'Press regulators'])
    expect(board.unlinkedLettersWithoutSender).toBe(1)
    expect(await organisationId('Labour Party')).toBeGreaterThan(0)
  })
})
