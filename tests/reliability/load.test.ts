// 10 000 letters imported in one batch while searches run: every search answers, and the main
// thread keeps answering throughout (parsing happens in worker threads; the main thread only
// stores, a group at a time, and lets other calls in between groups). How quickly it answers
// depends on whatever else shares the machine, so the event-loop delay and the slowest search are
// reported as figures, not asserted; what is asserted is that no gap between answers comes near a
// freeze (FREEZE_MS, tens of times the usual gap and far below the minute-long freezes of a
// runaway pass over a letter's text). npm test runs this file alone.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFiles } from '../../src/main/core/letters/import-service'
import { createWorkerPool } from '../../src/main/core/letters/worker/worker-pool'
import type { Dispatch } from '../../src/main/core/rpc/dispatch'
import { noHost } from '../../src/main/core/rpc/host'
import { createTestCore, REPO_ROOT, SMALL_REGISTER_CSV, textFile, type TestCore } from '../support/test-core'

const WORKER = join(REPO_ROOT, 'out', 'main', 'extract-worker.js')
const LETTERS = Number(process.env.LOAD_LETTERS ?? 10_000)
const FREEZE_MS = 5_000
const TOPICS = ['intimidation of candidates', 'transparency data', 'the Editors’ Code', 'joint guidance', 'a duty of care', 'home addresses on ballot papers', 'training for officers']

let core: TestCore
let dispatch: Dispatch
beforeAll(async () => {
  core = await createTestCore()
  if (existsSync(WORKER)) core.ctx.extractor = createWorkerPool({ workerPath: WORKER })
  dispatch = core.dispatcher(noHost)
  await dispatch('organisations.importCsv', { csv: SMALL_REGISTER_CSV })
})
afterAll(async () => {
  await core.ctx.extractor?.close?.()
  await core.dispose()
})

describe('load', () => {
  it.skipIf(!existsSync(WORKER))(`imports ${LETTERS} letters in one batch while searches keep answering (needs the built worker: npm test builds it)`, { timeout: 600_000 }, async () => {
    const files = Array.from({ length: LETTERS }, (_, i) =>
      textFile(`letter-${i}.txt`, `Home Office\n${(i % 28) + 1} March 2021\nRe: ${TOPICS[i % TOPICS.length]} (${i})\n\nDear Chair,\n\nWe write about ${TOPICS[(i * 7) % TOPICS.length]} and progress on recommendation ${(i % 26) + 1}. Reference ${i}.\n\nYours sincerely,\nA Person`),
    )
    const delay = monitorEventLoopDelay({ resolution: 10 })
    delay.enable()
    let importing = true
    const searches: { ok: boolean; ms: number; answeredAt: number }[] = []
    const started = performance.now()
    const searching = (async () => {
      while (importing) {
        const start = performance.now()
        const envelope = await dispatch('search.query', { query: 'candidates', pageSize: 20 })
        searches.push({ ok: envelope.ok, ms: performance.now() - start, answeredAt: performance.now() })
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
    })()
    const outcomes = await importFiles(core.ctx, files, 'app')
    const finished = performance.now()
    importing = false
    await searching
    delay.disable()

    // The longest wait for an answer while importing: from the start, between answers, to the end.
    const answerTimes = [started, ...searches.map((s) => s.answeredAt).filter((t) => t <= finished), finished]
    const longestGap = Math.max(...answerTimes.slice(1).map((t, i) => t - answerTimes[i]!))
    console.log(
      `load: ${LETTERS} letters imported in ${((finished - started) / 1000).toFixed(1)} s, ${searches.length} searches answered during the import, ` +
        `longest gap between answers ${longestGap.toFixed(0)} ms, slowest search ${Math.max(...searches.map((s) => s.ms)).toFixed(1)} ms, ` +
        `event-loop delay p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms, max ${(delay.max / 1e6).toFixed(1)} ms`,
    )
    expect(outcomes.filter((o) => o.status === 'imported')).toHaveLength(LETTERS)
    expect(searches.every((s) => s.ok)).toBe(true)
    expect(longestGap, `the app answered nothing for ${longestGap.toFixed(0)} ms during the import`).toBeLessThan(FREEZE_MS)
    expect(core.connection.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })
})
