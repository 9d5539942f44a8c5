// The letters' bin: a deleted letter (with the letter attached to it) vanishes from every list,
// search, suggestion, count and export; Restore and Undo bring back every row exactly; purging
// removes it and its original for good; direction can be set by hand.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Envelope } from '../../src/shared/api/errors'
import { noHost } from '../../src/main/core/rpc/host'
import { buildSummaryModel } from '../../src/main/core/summary/summary-model-from-db'
import { createPassage } from '../../src/main/core/links/passage-service'
import { addLetter, seedDemoRegister } from '../support/review-support'
import { createTestCore, type TestCore } from '../support/test-core'
import { rowsOf, runSql, valueOf } from '../support/raw-sql'

const TEXT = `Labour Party

12 April 2021

Dear Chair,

The Party's code of conduct now prohibits intimidation, bullying and harassment of any kind, zebrafinch.

We will publish the revised code by 30 September 2021.

Yours sincerely,
A. Secretary`
const QUOTE = "The Party's code of conduct now prohibits intimidation, bullying and harassment of any kind"

let core: TestCore
let call: <T>(method: string, input: unknown) => Promise<T>
let raw: (method: string, input: unknown) => Promise<Envelope<unknown>>
let byNumber: (n: string) => number
let cycles: { y2019: number; y2021: number }
let letterId: number
let attachmentId: number
let otherId: number
let linkId: number

beforeEach(async () => {
  core = await createTestCore()
  ;({ byNumber, cycles } = await seedDemoRegister(core))
  const dispatch = core.dispatcher(noHost)
  raw = (method, input) => dispatch(method as never, input as never) as Promise<Envelope<unknown>>
  call = async <T>(method: string, input: unknown) => {
    const envelope = await raw(method, input)
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
    return envelope.value as T
  }
  letterId = await addLetter(core, { text: TEXT, organisation: 'Labour Party', date: '2021-04-12', subject: 'Code of conduct zebrafinch' })
  attachmentId = await addLetter(core, { text: 'Annex: the revised code of conduct, quokka edition.', organisation: 'Labour Party', date: '2021-04-12', subject: 'Annex quokka' })
  otherId = await addLetter(core, { text: 'Conservative Party\n\nWe keep our code under review.', organisation: 'Conservative Party', date: '2021-03-01', subject: 'Review' })
  await runSql(core, 'UPDATE letters SET parent_letter_id = ? WHERE id = ?', letterId, attachmentId)
  await runSql(core, "INSERT INTO near_duplicates (letter_id, duplicate_of, similarity, found_at) VALUES (?, ?, 0.8, '2021-07-01')", otherId, letterId)
  await runSql(core, "INSERT INTO suggestion_rejections (letter_id, recommendation_id, rejected_by, rejected_at) VALUES (?, ?, 'tester', '2021-07-01')", letterId, byNumber('13'))
  const start = TEXT.indexOf(QUOTE)
  const passage = await createPassage(core.ctx, { letterId, start, end: start + QUOTE.length, recommendationIds: [byNumber('12')] })
  linkId = passage.links[0]!.linkId
  await call('assessments.set', { recommendationId: byNumber('12'), cycleId: cycles.y2021, status: 'In progress', narrative: 'Codes revised.', evidenceLinkIds: [linkId] })
  const promise = TEXT.indexOf('We will publish')
  await call('commitments.accept', { letterId, start: promise, end: TEXT.indexOf('2021.', promise) + 5, dueOn: '2021-09-30' })
})
afterEach(() => core.dispose())

/** The tables a delete could touch, each with its key (the order its rows are compared in). */
const TABLES = {
  letters: 'id',
  originals: 'sha256',
  passages: 'id',
  links: 'id',
  assessment_evidence: 'id',
  assessments: 'id',
  commitments: 'id',
  suggestion_rejections: 'id',
  near_duplicates: 'letter_id, duplicate_of',
}
/** Every row of the tables, less `version`: undo writes a row back as it was but moves its version on (history/versions.ts). */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const withoutVersion = ({ version: _version, ...rest }: Record<string, unknown>) => rest
  const tables = await Promise.all(Object.entries(TABLES).map(async ([t, key]) => [t, (await rowsOf(core, `SELECT * FROM ${t} ORDER BY ${key}`)).map(withoutVersion)]))
  return Object.fromEntries(tables)
}
/** The engine's own check of its search index against the live letters and passages (FTS5 integrity-check on SQLite). */
const searchIndexProblems = () => core.database.integrityProblems()
const ids = (rows: { id: number }[]) => rows.map((r) => r.id)

/** Where a live letter shows; each entry says whether `letterId` (or its text) is there. */
async function placesShowing(): Promise<Record<string, boolean>> {
  const list = (await call<{ rows: { id: number }[] }>('letters.list', {})).rows
  const search = await call<{ items: { letterId: number | null }[] }>('search.query', { query: 'zebrafinch', pageSize: 50 })
  const passageSearch = await call<{ items: { kind: string; letterId: number | null }[] }>('search.query', { query: 'harassment', pageSize: 50 })
  const filtersOnly = await call<{ items: { letterId: number | null }[] }>('search.query', { query: '', filters: { kinds: ['letter'], dateFrom: '2021-01-01' }, pageSize: 50 })
  const reverse = await call<{ letterId: number }[]>('suggestions.forRecommendation', { recommendationId: byNumber('12b') })
  const chase = await call<{ organisation: string; lastReply: string | null }[]>('chase.list', { cycleId: cycles.y2021, includeReplied: true })
  const dashboard = await call<{ groups: { group: string; unlinkedLetters: number }[] }>('dashboard.get', { cycleId: cycles.y2021 })
  const info = await call<{ counts: { letters: number } }>('app.info', {})
  const organisations = await call<{ name: string; letterCount: number }[]>('organisations.list', {})
  const nearDuplicates = await call<unknown[]>('letters.nearDuplicates', {})
  const commitments = await call<{ letterId: number }[]>('commitments.list', {})
  const recommendation = await call<{ linkedLetters: { letterId: number }[]; evidenceCount?: number }>('recommendations.get', { id: byNumber('12'), cycleId: cycles.y2021 })
  const recommendations = await call<{ id: number; evidenceCount: number }[]>('recommendations.list', { cycleId: cycles.y2021 })
  const model = JSON.stringify(await buildSummaryModel(core.ctx, { cycleId: cycles.y2021, includeCorrespondence: true }))
  return {
    list: ids(list).includes(letterId) || ids(list).includes(attachmentId),
    search: search.items.some((i) => i.letterId === letterId),
    passageSearch: passageSearch.items.some((i) => i.letterId === letterId),
    filtersOnlySearch: filtersOnly.items.some((i) => i.letterId === letterId || i.letterId === attachmentId),
    reverseSuggestions: reverse.some((s) => s.letterId === letterId || s.letterId === attachmentId),
    chaseList: chase.find((c) => c.organisation === 'Labour Party')?.lastReply === '2021-04-12',
    dashboard: dashboard.groups.reduce((n, g) => n + g.unlinkedLetters, 0) > 1,
    appInfoCount: info.counts.letters === 3,
    organisationCount: organisations.find((o) => o.name === 'Labour Party')?.letterCount === 2,
    nearDuplicates: nearDuplicates.length > 0,
    commitments: commitments.some((c) => c.letterId === letterId),
    recommendationLinks: recommendation.linkedLetters.some((l) => l.letterId === letterId),
    recommendationCount: recommendations.find((r) => r.id === byNumber('12'))!.evidenceCount > 0,
    export: model.includes('zebrafinch') || model.includes('Annex quokka'),
  }
}

describe('the letters’ bin', () => {
  it('deletes a letter with its attachment from every place a letter shows, flags its evidence, and restores every row exactly', async () => {
    const before = await snapshot()
    const shown = await placesShowing()
    // Every place shows the letter to begin with, so each check below can fail.
    expect(Object.entries(shown).filter(([, on]) => !on).map(([place]) => place)).toEqual([])

    expect(await call('letters.delete', { id: letterId })).toEqual({ deleted: [letterId, attachmentId] })
    const hidden = await placesShowing()
    expect(Object.entries(hidden).filter(([, on]) => on).map(([place]) => place)).toEqual([])
    expect(await searchIndexProblems()).toEqual([])

    const bin = await call<{ id: number; passages: number; links: number; parentLetterId: number | null; deletedBy: string }[]>('letters.bin', {})
    expect(bin.map((b) => [b.id, b.parentLetterId, b.passages, b.links])).toEqual([
      [letterId, null, 1, 1],
      [attachmentId, letterId, 0, 0],
    ])
    const recommendation = await call<{ assessments: { cycleId: number; evidence: { linkId: number; inBin: boolean; inCycle: boolean }[]; noCurrentEvidence: boolean }[] }>('recommendations.get', { id: byNumber('12') })
    const assessment = recommendation.assessments.find((a) => a.cycleId === cycles.y2021)!
    expect(assessment.evidence).toEqual([expect.objectContaining({ linkId, inBin: true, inCycle: false })])
    expect(assessment.noCurrentEvidence).toBe(true)
    // A binned letter cannot be linked, nor deleted twice.
    expect(await raw('links.create', { letterId, recommendationId: byNumber('13') })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await raw('letters.delete', { id: letterId })).toMatchObject({ ok: false, error: { message: `Letter ${letterId} is already in the bin.` } })

    expect(await call('letters.restore', { id: letterId })).toEqual({ restored: [letterId, attachmentId] })
    expect(await snapshot()).toEqual(before)
    expect(await placesShowing()).toEqual(shown)
    expect(await searchIndexProblems()).toEqual([])
    expect(await call('letters.bin', {})).toEqual([])
  })

  it('undoes a delete, bringing back every row exactly', async () => {
    const before = await snapshot()
    await call('letters.delete', { id: letterId })
    expect(await snapshot()).not.toEqual(before)
    expect(await call('history.undo', {})).toMatchObject({ applied: 'Deleted letter to the bin' })
    expect(await snapshot()).toEqual(before)
    expect(ids((await call<{ rows: { id: number }[] }>('letters.list', {})).rows)).toContain(letterId)
    expect((await call<{ items: unknown[] }>('search.query', { query: 'zebrafinch', pageSize: 10 })).items).toHaveLength(1)
    expect(await searchIndexProblems()).toEqual([])
  })

  it('purges a binned letter and its original for good, and empties the bin', async () => {
    const count = async (text: string, ...params: unknown[]) => Number(await valueOf(core, text, ...params))
    expect(await raw('letters.purge', { id: letterId })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    await call('letters.delete', { id: letterId })
    const sha = await valueOf<string>(core, 'SELECT original_sha256 FROM letters WHERE id = ?', letterId)
    expect(await call('letters.purge', { id: letterId })).toEqual({ purged: [letterId, attachmentId] })
    expect(await count('SELECT count(*) FROM letters WHERE id IN (?, ?)', letterId, attachmentId)).toBe(0)
    expect(await count('SELECT count(*) FROM originals WHERE sha256 = ?', sha)).toBe(0)
    expect(await count('SELECT count(*) FROM passages')).toBe(0)
    expect(await count('SELECT count(*) FROM links')).toBe(0)
    expect(await count('SELECT count(*) FROM assessment_evidence')).toBe(0)
    expect(await count('SELECT count(*) FROM near_duplicates')).toBe(0)
    expect(await searchIndexProblems()).toEqual([])
    expect(await count("SELECT count(*) FROM audit_log WHERE action = 'Purged letter from the bin' AND entity_id = ?", letterId)).toBe(1)
    // Undoing the earlier delete now finds the letter gone, and refuses.
    expect(await raw('history.undo', {})).toMatchObject({ ok: false, error: { code: 'conflict' } })

    await call('letters.delete', { id: otherId })
    expect(await call('letters.emptyBin', {})).toEqual({ purged: [otherId] })
    expect(await call('letters.bin', {})).toEqual([])
    expect(await count('SELECT count(*) FROM letters')).toBe(0)
    expect(await count('SELECT count(*) FROM originals')).toBe(0)
  })

  it('marks a letter as outgoing or incoming, undoably, and lists its direction', async () => {
    const detail = await call<{ direction: string }>('letters.setDirection', { id: otherId, direction: 'outgoing' })
    expect(detail.direction).toBe('outgoing')
    const list = (await call<{ rows: { id: number; direction: string }[] }>('letters.list', {})).rows
    expect(list.find((l) => l.id === otherId)!.direction).toBe('outgoing')
    const chase = await call<{ organisation: string; lastWrittenTo: string | null }[]>('chase.list', { cycleId: cycles.y2021, includeReplied: true })
    expect(chase.find((c) => c.organisation === 'Conservative Party')?.lastWrittenTo).toBe('2021-03-01')
    expect(await call('history.undo', {})).toMatchObject({ applied: 'Marked letter as outgoing' })
    expect((await call<{ direction: string }>('letters.get', { id: otherId })).direction).toBe('incoming')
  })
})
