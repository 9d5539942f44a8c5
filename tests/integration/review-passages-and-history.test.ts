import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getLetter } from '../../src/main/core/letters/letter-queries'
import { itemHistory } from '../../src/main/core/history/history-queries'
import { UndoSession } from '../../src/main/core/history/undo-session'
import { setAssessment } from '../../src/main/core/cycles/assessment-service'
import { createLink, removeLink, updateLink } from '../../src/main/core/links/link-service'
import { listPassages } from '../../src/main/core/links/passage-queries'
import { createPassage, reanchorLetter, removePassage } from '../../src/main/core/links/passage-service'
import { getRecommendation } from '../../src/main/core/recommendations/recommendation-queries'
import { addLetter, seedDemoRegister } from '../support/review-support'
import { createTestCore, type TestCore } from '../support/test-core'
import { columnOf, countOf, rowOf, runSql, valueOf } from '../support/raw-sql'

const TEXT = `Labour Party

12 April 2021

Dear Chair,

The Party's code of conduct now prohibits intimidation, bullying and harassment of any kind.

Members who abuse opponents face suspension and, where proven, expulsion.

Yours sincerely,
A. Secretary`

let core: TestCore
let byNumber: (n: string) => number
let cycles: { y2019: number; y2021: number }
let letterId: number
let session: UndoSession
beforeEach(async () => {
  core = await createTestCore()
  ;({ byNumber, cycles } = await seedDemoRegister(core))
  letterId = await addLetter(core, { text: TEXT, organisation: 'Labour Party', date: '2021-04-12' })
  session = new UndoSession(core.ctx, core.ctx.actor, Number((await valueOf(core, 'SELECT max(id) FROM audit_log'))))
})
afterEach(() => core.dispose())

const span = (quote: string) => {
  const start = TEXT.indexOf(quote)
  return { start, end: start + quote.length }
}
const count = (table: string) => countOf(core, table)

describe('passages', () => {
  it('links a selection to several recommendations with a note, trimming stray white space', async () => {
    const quote = "The Party's code of conduct now prohibits intimidation, bullying and harassment of any kind."
    const { start, end } = span(quote)
    const passage = await createPassage(core.ctx, { letterId, start: start - 2, end: end + 1, recommendationIds: [byNumber('12'), byNumber('12b')], note: '  Welcome  ' })
    expect(passage).toMatchObject({ start, end, quote, anchor: 'exact' })
    expect(passage.links.map((l) => [l.recommendationNumber, l.note])).toEqual([['12', 'Welcome'], ['12b', 'Welcome']])

    const letter = await getLetter(core.ctx, letterId)
    expect(letter.links.map((l) => ({ n: l.recommendationNumber, start: l.start, end: l.end, passageId: l.passageId, anchor: l.anchor }))).toEqual([
      { n: '12', start, end, passageId: passage.id, anchor: 'exact' },
      { n: '12b', start, end, passageId: passage.id, anchor: 'exact' },
    ])
    // The same selection again adds only what is new, and says so when nothing is.
    const again = await createPassage(core.ctx, { letterId, start, end, recommendationIds: [byNumber('12'), byNumber('13')] })
    expect(again.links.map((l) => l.recommendationNumber)).toEqual(['12', '12b', '13'])
    await expect(createPassage(core.ctx, { letterId, start, end, recommendationIds: [byNumber('12')] })).rejects.toThrow('This passage is already linked to recommendation 12.')
  })

  it('refuses selections outside the text or holding no words', async () => {
    await expect(createPassage(core.ctx, { letterId, start: 5, end: 99_999, recommendationIds: [byNumber('12')] })).rejects.toThrow(/outside the letter's text/)
    await expect(createPassage(core.ctx, { letterId, start: 12, end: 14, recommendationIds: [byNumber('12')] })).rejects.toThrow(/holds no words/)
    await expect(createPassage(core.ctx, { letterId, start: 0, end: 5, recommendationIds: [99_999] })).rejects.toThrow('There is no recommendation with id 99999.')
    expect(await count('passages')).toBe(0)
  })

  it('edits a link (note, another recommendation) and removes a passage with its links', async () => {
    const passage = await createPassage(core.ctx, { letterId, ...span('face suspension and, where proven, expulsion'), recommendationIds: [byNumber('14')] })
    const link = passage.links[0]!
    expect(await updateLink(core.ctx, { id: link.linkId, note: 'Clear evidence' })).toMatchObject({ note: 'Clear evidence', recommendationNumber: '14' })
    expect(await updateLink(core.ctx, { id: link.linkId, recommendationId: byNumber('15'), note: null })).toMatchObject({ note: null, recommendationNumber: '15' })
    await createLink(core.ctx, { letterId, recommendationId: byNumber('14'), passageId: passage.id })
    expect((await listPassages(core.ctx.db, letterId))[0]!.links.map((l) => l.recommendationNumber)).toEqual(['14', '15'])
    await removePassage(core.ctx, passage.id)
    expect([await count('passages'), await count('links')]).toEqual([0, 0])
  })

  it('links a whole letter once, and removing the last link of a passage removes the passage', async () => {
    const whole = await createLink(core.ctx, { letterId, recommendationId: byNumber('14') })
    expect(whole).toMatchObject({ passageId: null, start: null, anchor: null, quote: null })
    await expect(createLink(core.ctx, { letterId, recommendationId: byNumber('14') })).rejects.toThrow('This letter is already linked to recommendation 14.')
    const quoted = await createLink(core.ctx, { letterId, recommendationId: byNumber('14'), quote: 'expulsion' })
    await removeLink(core.ctx, quoted.id)
    expect(await count('passages')).toBe(0)
  })
})

describe('re-anchoring when the letter text changes', () => {
  it('shows passages where they are now, stores the new places, and reports the lost ones', async () => {
    const kept = await createPassage(core.ctx, { letterId, ...span('face suspension and, where proven, expulsion'), recommendationIds: [byNumber('14')] })
    const edited = await createPassage(core.ctx, { letterId, ...span('now prohibits intimidation, bullying and harassment'), recommendationIds: [byNumber('12')] })
    const gone = await createPassage(core.ctx, { letterId, ...span('A. Secretary'), recommendationIds: [byNumber('13')] })
    const newText = `PRIVATE\n\n${TEXT.replace('now prohibits intimidation, bullying and harassment', 'now prohibits intimidation, bullying or harassment').replace('A. Secretary', 'General Secretary')}`
    await runSql(core, 'UPDATE letters SET body_text = ? WHERE id = ?', newText, letterId)

    // Reading already shows each passage where it is now, before anything is stored.
    const live = await listPassages(core.ctx.db, letterId)
    const byId = new Map(live.map((p) => [p.id, p]))
    expect(byId.get(kept.id)).toMatchObject({ anchor: 'moved', quote: 'face suspension and, where proven, expulsion' })
    expect(newText.slice(byId.get(kept.id)!.start, byId.get(kept.id)!.end)).toBe('face suspension and, where proven, expulsion')
    expect(byId.get(edited.id)).toMatchObject({ anchor: 'fuzzy', quote: 'now prohibits intimidation, bullying or harassment' })
    expect(byId.get(gone.id)?.anchor).toBe('lost')
    expect(live.at(-1)?.id).toBe(gone.id) // lost ones last

    const report = await reanchorLetter(core.ctx, letterId)
    expect(report).toMatchObject({ passages: 3, moved: 1, fuzzy: 1 })
    expect(report.lost.map((p) => p.id)).toEqual([gone.id])
    const stored = (await rowOf(core, 'SELECT start_offset, end_offset, quote, anchor FROM passages WHERE id = ?', edited.id)) as { start_offset: number; end_offset: number; quote: string; anchor: string }
    expect(newText.slice(stored.start_offset, stored.end_offset)).toBe(stored.quote)
    expect(stored.anchor).toBe('fuzzy')
    // Stored places survive a second pass unchanged, and the letter's history records the change.
    expect(await reanchorLetter(core.ctx, letterId)).toMatchObject({ moved: 0, fuzzy: 0 })
    expect((await itemHistory(core.ctx.db, 'letter', letterId, 10)).map((h) => h.action)).toContain('Re-anchored passages')
  })
})

describe('assessments with evidence', () => {
  it('rests on links from the cycle unless evidence is chosen, and warns when none is current', async () => {
    const old = await addLetter(core, { text: 'Labour Party\n\nDear Chair,\n\nOur code of conduct prohibits intimidation.', organisation: 'Labour Party', date: '2019-05-20' })
    const oldLink = await createLink(core.ctx, { letterId: old, recommendationId: byNumber('12') })
    const set = await setAssessment(core.ctx, { recommendationId: byNumber('12'), cycleId: cycles.y2021, status: 'Implemented', narrative: 'Done.' })
    expect(set).toMatchObject({ evidence: [], evidenceChosen: false, noCurrentEvidence: true })

    const current = await createLink(core.ctx, { letterId, recommendationId: byNumber('12'), quote: 'now prohibits intimidation' })
    const detail = await getRecommendation(core.ctx, byNumber('12'), cycles.y2021)
    const y2021 = detail.assessments.find((a) => a.cycleId === cycles.y2021)!
    expect(y2021).toMatchObject({ evidenceChosen: false, noCurrentEvidence: false })
    expect(y2021.evidence.map((e) => [e.linkId, e.inCycle, e.quote])).toEqual([[current.id, true, 'now prohibits intimidation']])

    const chosen = await setAssessment(core.ctx, { recommendationId: byNumber('12'), cycleId: cycles.y2021, status: 'Implemented', narrative: 'Done.', evidenceLinkIds: [oldLink.id] })
    expect(chosen).toMatchObject({ evidenceChosen: true, noCurrentEvidence: true })
    expect(chosen.evidence.map((e) => [e.linkId, e.inCycle])).toEqual([[oldLink.id, false]])
    await expect(setAssessment(core.ctx, { recommendationId: byNumber('13'), cycleId: cycles.y2021, status: 'In progress', narrative: '', evidenceLinkIds: [oldLink.id] })).rejects.toThrow(/is not evidence for recommendation 13/)
    // A cycle without a status needs no evidence.
    expect(detail.assessments.find((a) => a.cycleId === cycles.y2019)).toMatchObject({ status: 'Not yet assessed', noCurrentEvidence: false })
  })
})

describe('history and undo', () => {
  it('undoes and redoes link creation, passage creation and assessments, each audited', async () => {
    const passage = await createPassage(core.ctx, { letterId, ...span('face suspension and, where proven, expulsion'), recommendationIds: [byNumber('14'), byNumber('15')] })
    await setAssessment(core.ctx, { recommendationId: byNumber('14'), cycleId: cycles.y2021, status: 'In progress', narrative: 'First view.' })
    await setAssessment(core.ctx, { recommendationId: byNumber('14'), cycleId: cycles.y2021, status: 'Implemented', narrative: 'Second view.' })
    expect(await session.state()).toEqual({ canUndo: true, canRedo: false, undoLabel: 'Assessed recommendation', redoLabel: null })

    expect((await session.undo()).applied).toBe('Assessed recommendation')
    expect((await rowOf(core, 'SELECT status, narrative FROM assessments'))).toEqual({ status: 'In progress', narrative: 'First view.' })
    await session.undo()
    expect(await count('assessments')).toBe(0)
    const step = await session.undo()
    expect(step).toMatchObject({ applied: 'Linked passage', canUndo: false, canRedo: true, redoLabel: 'Linked passage' })
    expect([await count('passages'), await count('links')]).toEqual([0, 0])

    await session.redo()
    const restored = await listPassages(core.ctx.db, letterId)
    expect(restored.map((p) => [p.id, p.links.map((l) => l.recommendationNumber)])).toEqual([[passage.id, ['14', '15']]])
    await session.redo()
    expect((await valueOf(core, 'SELECT status FROM assessments'))).toBe('In progress')

    // A new action empties the redo stack.
    await removeLink(core.ctx, passage.links[1]!.linkId)
    expect((await session.state()).canRedo).toBe(false)
    await session.undo()
    expect(await count('links')).toBe(2)

    const actions = ((await columnOf(core, 'SELECT action FROM audit_log ORDER BY id DESC LIMIT 3')) as string[])
    expect(actions).toEqual(['Undid: Removed link', 'Removed link', 'Redid: Assessed recommendation'])
    expect((await session.undo()).applied).toBe('Assessed recommendation')
  })

  it('refuses to undo over a later change made elsewhere, and says why', async () => {
    const link = await createLink(core.ctx, { letterId, recommendationId: byNumber('14'), note: 'Mine' })
    await session.state()
    await runSql(core, "UPDATE links SET note = 'Someone else' WHERE id = ?", link.id)
    await expect(session.undo()).rejects.toThrow('“Linked letter” cannot be undone or redone because the link it changed has been changed again since.')
    expect(await count('links')).toBe(1)
    expect((await session.undo()).applied).toBeNull()
  })

  it('answers calmly when there is nothing to undo or redo', async () => {
    expect(await session.undo()).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null, applied: null })
    expect((await session.redo()).applied).toBeNull()
  })

  it('shows per-item history: a link appears in its letter’s and its recommendation’s history', async () => {
    const link = await createLink(core.ctx, { letterId, recommendationId: byNumber('14'), note: 'First' })
    await updateLink(core.ctx, { id: link.id, note: 'Second' })
    const letterHistory = await itemHistory(core.ctx.db, 'letter', letterId, 10)
    expect(letterHistory.map((h) => h.action)).toEqual(['Edited link', 'Linked letter'])
    expect(letterHistory[0]).toMatchObject({ actor: 'secretariat', at: '2021-07-01T09:30:00.000Z', undoable: true, before: expect.objectContaining({ note: 'First' }), after: expect.objectContaining({ note: 'Second' }) })
    expect((await itemHistory(core.ctx.db, 'recommendation', byNumber('14'), 10)).map((h) => h.action)).toEqual(['Edited link', 'Linked letter', 'Added recommendation'])
    expect((await itemHistory(core.ctx.db, 'recommendation', byNumber('15'), 10)).map((h) => h.action)).toEqual(['Added recommendation'])
  })
})
