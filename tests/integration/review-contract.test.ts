// The review methods through the dispatcher, as the renderer and the harness call them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { noHost } from '../../src/main/core/rpc/host'
import { addLetter, seedDemoRegister } from '../support/review-support'
import { createTestCore, type TestCore } from '../support/test-core'

let core: TestCore
let call: (method: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>
beforeEach(async () => {
  core = await createTestCore()
  const dispatch = core.dispatcher(noHost)
  call = (method, input) => dispatch(method, input) as never
})
afterEach(() => core.dispose())

const TEXT = 'Labour Party\n\nDear Chair,\n\nOn recommendation 14, members who intimidate opponents are expelled.\n\nYours sincerely'

describe('review methods over the contract', () => {
  it('walks a secretariat morning: suggest, accept, highlight, assess with evidence, search, undo', async () => {
    const { byNumber, cycles } = await seedDemoRegister(core)
    const letterId = await addLetter(core, { text: TEXT, organisation: 'Labour Party', date: '2021-04-12' })

    const suggested = await call('suggestions.forLetter', { letterId })
    const { items, more } = suggested.value as { items: { recommendationId: number; recommendationNumber: string; passage: { start: number; end: number } }[]; more: number }
    expect(items.length).toBeLessThanOrEqual(3)
    // "Show more": every suggestion, confident or not, is what was shown plus `more`.
    const everything = await call('suggestions.forLetter', { letterId, confident: false, limit: 20 })
    expect((everything.value as { items: unknown[]; more: number }).items).toHaveLength(Math.min(20, items.length + more))
    const [first] = items
    expect(first!.recommendationNumber).toBe('14')
    const accepted = await call('suggestions.accept', { letterId, recommendationId: first!.recommendationId, start: first!.passage.start, end: first!.passage.end })
    expect(accepted).toMatchObject({ ok: true, value: { recommendationNumber: '14', passageId: expect.any(Number) } })

    const start = TEXT.indexOf('members who')
    const passage = await call('passages.create', { letterId, start, end: start + 'members who intimidate opponents'.length, recommendationIds: [byNumber('12')], note: 'Code' })
    expect(passage).toMatchObject({ ok: true, value: { quote: 'members who intimidate opponents', links: [{ recommendationNumber: '12', note: 'Code' }] } })

    const letter = await call('letters.get', { id: letterId })
    expect((letter.value as { links: { start: number | null }[] }).links.every((l) => typeof l.start === 'number')).toBe(true)

    const linkId = (accepted.value as { id: number }).id
    const assessed = await call('assessments.set', { recommendationId: byNumber('14'), cycleId: cycles.y2021, status: 'Implemented', narrative: 'Members who intimidate are *expelled*.', evidenceLinkIds: [linkId] })
    expect(assessed).toMatchObject({ ok: true, value: { evidenceChosen: true, noCurrentEvidence: false, evidence: [{ linkId, inCycle: true }] } })

    const found = await call('search.query', { query: 'expelled', filters: { kinds: ['letter', 'narrative'] } })
    expect((found.value as { counts: Record<string, number> }).counts).toMatchObject({ letter: 1, narrative: 1 })

    expect(await call('history.state', {})).toMatchObject({ ok: true, value: { canUndo: true, undoLabel: 'Assessed recommendation' } })
    expect(await call('history.undo', {})).toMatchObject({ ok: true, value: { applied: 'Assessed recommendation', canRedo: true } })
    expect(await call('history.redo', {})).toMatchObject({ ok: true, value: { applied: 'Assessed recommendation' } })
    const history = await call('history.forItem', { entity: 'letter', entityId: letterId })
    expect((history.value as { action: string }[]).map((h) => h.action)).toEqual(['Linked passage', 'Linked passage'])
  })

  it('answers bad input with a clear error, never an exception', async () => {
    expect(await call('passages.create', { letterId: 1, start: 0, end: 5, recommendationIds: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await call('search.query', { query: 'x', filters: { status: 'Done' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await call('suggestions.forLetter', { letterId: 999 })).toEqual({ ok: false, error: { code: 'not_found', message: 'There is no letter with id 999.' } })
    expect(await call('search.query', { query: '"NEAR(' })).toMatchObject({ ok: true })
    expect(await call('history.undo', {})).toMatchObject({ ok: true, value: { applied: null } })
  })
})
