// The bench's multi-client figure as a correctness check (its timings are never asserted): three
// reviewers in three separate processes saving assessments and linking passages on one database
// for three seconds lose no update, and every refused stale save is retried until it lands.
// On SQLite the processes share the test's file (one desktop); on PostgreSQL the test server.
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { lostUpdates, measureMultiClient } from '../../src/main/bench/multi-client'
import { testEngine } from '../support/postgres-databases'
import { addLetter, seedDemoRegister } from '../support/review-support'
import { createTestCore, REPO_ROOT, RESOURCES_DIR, type TestCore } from '../support/test-core'

let core: TestCore
beforeEach(async () => {
  core = await createTestCore()
})
afterEach(() => core.dispose())

describe('the multi-client bench figure', () => {
  async function threeClients() {
    const seed = await seedDemoRegister(core)
    const letterIds = [
      await addLetter(core, { text: 'The Home Office will consult on a new offence of intimidating candidates before the next election, and report back.', organisation: 'Home Office' }),
      await addLetter(core, { text: 'We have published our takedown figures for the year and will publish them every quarter from now on.' }),
    ]
    return measureMultiClient(core, {
      databasePath: core.databasePath,
      resourcesDir: RESOURCES_DIR,
      clients: 3,
      seconds: 3,
      seed: 7,
      // Two recommendations only, so that the three clients collide often.
      recommendationIds: [seed.byNumber('1'), seed.byNumber('2')],
      cycleId: seed.cycles.y2021,
      letterIds,
      program: { path: join(REPO_ROOT, 'src', 'main', 'bench', 'multi-client-entry.ts'), execArgv: ['--experimental-transform-types', '--no-warnings', '--import', join(REPO_ROOT, 'scripts', 'ts-hooks.mjs')] },
    })
  }

  it.runIf(testEngine() === 'postgres')('loses no update and refuses nothing else when three processes save and link at once on PostgreSQL', async () => {
    const figures = await threeClients()
    expect(figures.firstErrors).toEqual([])
    expect(figures.saves_accepted).toBeGreaterThan(0)
    expect(figures.links_created).toBeGreaterThan(0)
    expect(figures.lost_updates).toBe(0)
  }, 120_000)

  // One SQLite file shared by processes is one desktop's case, not a team's: writers may be told
  // the database is busy (counted as errors by the bench), but an accepted save is never lost.
  it.runIf(testEngine() === 'sqlite')('loses no accepted save when three processes share one SQLite file', async () => {
    const figures = await threeClients()
    expect(figures.saves_accepted).toBeGreaterThan(0)
    expect(figures.lost_updates).toBe(0)
  }, 120_000)
})

describe('the lost-update check', () => {
  it('counts two saves that made the same version, and saves the final version does not hold', () => {
    const before = new Map([[1, 0], [2, 4]])
    expect(lostUpdates(before, new Map([[1, 2], [2, 5]]), [[1, 1], [1, 2], [2, 5]])).toBe(0)
    expect(lostUpdates(before, new Map([[1, 2], [2, 4]]), [[1, 1], [1, 1], [1, 2]])).toBe(1)
    expect(lostUpdates(before, new Map([[1, 1], [2, 4]]), [[1, 1], [1, 2]])).toBe(2)
  })
})
