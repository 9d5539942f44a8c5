// Changes cross desktops: two cores on one team database, a write in one, its `changed` event heard
// in the other with the same kinds, ids and person, and never twice in the core that wrote. On
// SQLite (one desktop) the local event is still heard exactly once.
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../src/main/core/create-core'
import { noHost } from '../../src/main/core/rpc/host'
import type { ChangedEvent } from '../../src/shared/api/events'
import { testEngine } from '../support/postgres-databases'
import { seedDemoRegister } from '../support/review-support'
import { createTestCore, FIXED_NOW, RESOURCES_DIR, type TestCore } from '../support/test-core'

const onPostgres = testEngine() === 'postgres'

let writer: TestCore
let reader: Core
let heardByWriter: ChangedEvent[]
let heardByReader: ChangedEvent[]
beforeEach(async () => {
  writer = await createTestCore()
  reader = await createCore({ databasePath: writer.databasePath, resourcesDir: RESOURCES_DIR, clock: () => FIXED_NOW, log: () => undefined })
  heardByWriter = []
  heardByReader = []
  writer.events.subscribe('changed', (event) => heardByWriter.push(event))
  reader.events.subscribe('changed', (event) => heardByReader.push(event))
  await Promise.all([writer.listening(), reader.listening()])
})
afterEach(async () => {
  await reader.close()
  await writer.dispose()
})

/** Resolves with the first event `events` receives that passes `test`, polling the list. */
async function eventuallyHeard(events: ChangedEvent[], test: (event: ChangedEvent) => boolean): Promise<ChangedEvent> {
  for (;;) {
    const found = events.find(test)
    if (found) return found
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

async function assess(core: Core, actor: string, recommendationId: number, cycleId: number, narrative: string) {
  const result = await core.dispatcher(noHost, { actor })('assessments.set', { recommendationId, cycleId, status: 'In progress', narrative })
  expect(result.ok).toBe(true)
}

describe('live changes across desktops', () => {
  it.skipIf(!onPostgres)('relays a committed write to the other core with its kinds, ids and person', async () => {
    const { byNumber, cycles } = await seedDemoRegister(writer)
    heardByWriter = []
    await assess(writer, 'amira', byNumber('14'), cycles.y2021, 'Consulting on the offence.')
    const remote = await eventuallyHeard(heardByReader, (event) => event.actor === 'amira')
    expect(heardByWriter).toHaveLength(1)
    expect(remote).toEqual(heardByWriter[0])
    expect(remote.kinds).toContain('recommendation')
    expect(remote.ids.recommendation).toEqual([byNumber('14')])
  })

  it('never delivers a core its own change twice', async () => {
    const { byNumber, cycles } = await seedDemoRegister(writer)
    heardByWriter = []
    await assess(writer, 'amira', byNumber('14'), cycles.y2021, 'First.')
    // A second write by the other core: once the writer has heard it, its own first notification
    // (sent before) has had every chance to come back.
    await assess(reader, 'ben', byNumber('12'), cycles.y2021, 'Second.')
    if (onPostgres) await eventuallyHeard(heardByWriter, (event) => event.actor === 'ben')
    expect(heardByWriter.filter((event) => event.actor === 'amira')).toHaveLength(1)
  })

  it.skipIf(!onPostgres)('listens again after losing its connection, and says the whole database may have changed', async () => {
    const { byNumber, cycles } = await seedDemoRegister(writer)
    const admin = new pg.Client({ connectionString: writer.databasePath })
    await admin.connect()
    try {
      const cut = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'Progress Desk (changes)' AND datname = current_database()")
      expect(cut.rowCount).toBe(2)
    } finally {
      await admin.end()
    }
    await eventuallyHeard(heardByReader, (event) => event.kinds.includes('database'))
    await assess(writer, 'amira', byNumber('3'), cycles.y2021, 'After the break.')
    const remote = await eventuallyHeard(heardByReader, (event) => event.actor === 'amira')
    expect(remote.ids.recommendation).toEqual([byNumber('3')])
  })
})
