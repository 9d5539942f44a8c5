// The core's `changed` event and the call context: what a committed write announces, who it names,
// and that one person's undo never reaches another's change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChangedEvent } from '../../src/shared/api/events'
import { noHost } from '../../src/main/core/rpc/host'
import { startHarness, TOKEN_HEADER } from '../../src/main/harness/harness-server'
import { addLetter, seedDemoRegister } from '../support/review-support'
import { testEngine } from '../support/postgres-databases'
import { createTestCore, type TestCore } from '../support/test-core'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

let core: TestCore
let heard: ChangedEvent[]
beforeEach(async () => {
  core = await createTestCore()
  heard = []
  core.events.subscribe('changed', (event) => heard.push(event))
})
afterEach(() => core.dispose())

const TEXT = 'Labour Party\n\nDear Chair,\n\nOn recommendation 14, members who intimidate opponents are expelled.\n\nYours sincerely'

describe('change events', () => {
  it('announces a committed write with the kinds and ids it touched, and who made it', async () => {
    const { byNumber } = await seedDemoRegister(core)
    const letterId = await addLetter(core, { text: TEXT, organisation: 'Labour Party', date: '2021-04-12' })
    heard = []
    const dispatch = core.dispatcher(noHost, { actor: 'amira' })
    const start = TEXT.indexOf('members who')
    const created = await dispatch('passages.create', { letterId, start, end: start + 11, recommendationIds: [byNumber('14')] })
    expect(created.ok).toBe(true)
    const passageId = (created as { value: { id: number } }).value.id
    expect(heard).toHaveLength(1)
    expect(heard[0]!.actor).toBe('amira')
    expect(heard[0]!.kinds).toEqual(expect.arrayContaining(['passage', 'link', 'letter', 'recommendation']))
    expect(heard[0]!.ids.passage).toEqual([passageId])
    expect(heard[0]!.ids.letter).toEqual([letterId])
    expect(heard[0]!.ids.recommendation).toEqual([byNumber('14')])
    const audit = await core.ctx.db.selectFrom('audit_log').select('actor').orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(audit.actor).toBe('amira')
  })

  it('stays silent for reads and for writes that were refused', async () => {
    await seedDemoRegister(core)
    heard = []
    const dispatch = core.dispatcher(noHost)
    expect((await dispatch('letters.list', {})).ok).toBe(true)
    expect((await dispatch('passages.create', { letterId: 999, start: 0, end: 4, recommendationIds: [1] })).ok).toBe(false)
    expect((await dispatch('assessments.set', { recommendationId: 99_999, cycleId: 99_999, status: 'Implemented', narrative: 'Done.' })).ok).toBe(false)
    expect(heard).toEqual([])
  })

  // Backups and restores from within the app are the SQLite file's; a team database is backed up
  // with pg_dump and restored by its administrator (backup/handlers.ts, create-core.ts).
  it.skipIf(testEngine() === 'postgres')('announces a restored backup as a change of the whole database', async () => {
    await seedDemoRegister(core)
    const dispatch = core.dispatcher(noHost)
    const backup = await dispatch('backup.now', {})
    expect(backup.ok).toBe(true)
    heard = []
    const restored = await dispatch('backup.restore', { name: (backup as { value: { name: string } }).value.name })
    expect(restored.ok).toBe(true)
    expect(heard.map((event) => event.kinds)).toEqual([['database']])
  })

  it('undoes each person’s own changes only', async () => {
    const { byNumber, cycles } = await seedDemoRegister(core)
    const amira = core.dispatcher(noHost, { actor: 'amira' })
    const ben = core.dispatcher(noHost, { actor: 'ben' })
    expect((await amira('assessments.set', { recommendationId: byNumber('14'), cycleId: cycles.y2021, status: 'In progress', narrative: 'Consulting.' })).ok).toBe(true)
    expect((await ben('assessments.set', { recommendationId: byNumber('12'), cycleId: cycles.y2021, status: 'Implemented', narrative: 'Done.' })).ok).toBe(true)
    expect(await ben('history.undo', {})).toMatchObject({ ok: true, value: { applied: 'Assessed recommendation' } })
    expect(await ben('history.undo', {})).toMatchObject({ ok: true, value: { applied: null } })
    const statuses = await core.ctx.db.selectFrom('assessments').select(['recommendation_id', 'status']).where('cycle_id', '=', cycles.y2021).where('recommendation_id', 'in', [byNumber('12'), byNumber('14')]).execute()
    const byRecommendation = Object.fromEntries(statuses.map((row) => [row.recommendation_id, row.status]))
    expect(byRecommendation[byNumber('14')]).toBe('In progress')
    expect(byRecommendation[byNumber('12')] ?? null).not.toBe('Implemented')
    expect(await amira('history.state', {})).toMatchObject({ ok: true, value: { canUndo: true } })
  })

  it('streams events to a page over the harness’s /events', async () => {
    const { byNumber, cycles } = await seedDemoRegister(core)
    const rendererDir = mkdtempSync(join(tmpdir(), 'renderer-'))
    const harness = await startHarness({ dispatch: core.dispatcher(noHost), rendererDir, events: core.events })
    try {
      expect((await fetch(new URL('/events', harness.url))).status).toBe(403)
      const controller = new AbortController()
      const response = await fetch(new URL('/events', harness.url), { headers: { [TOKEN_HEADER]: harness.token }, signal: controller.signal })
      expect(response.headers.get('content-type')).toContain('text/event-stream')
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
      await reader.read() // the ": connected" comment: the subscription is in place
      await fetch(new URL('/rpc', harness.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: harness.token },
        body: JSON.stringify({ method: 'assessments.set', input: { recommendationId: byNumber('14'), cycleId: cycles.y2021, status: 'Implemented', narrative: 'Done.' } }),
      })
      let text = ''
      while (!text.includes('\n\n')) text += (await reader.read()).value ?? ''
      expect(text).toMatch(/^event: changed\ndata: /)
      const event = JSON.parse(text.slice(text.indexOf('data: ') + 6, text.indexOf('\n\n'))) as ChangedEvent
      expect(event.ids.recommendation).toEqual([byNumber('14')])
      controller.abort()
    } finally {
      await harness.close()
      rmSync(rendererDir, { recursive: true, force: true })
    }
  })
})
