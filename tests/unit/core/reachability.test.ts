// The renderer's watch on a team database out of reach: an 'unreachable' answer raises the banner
// with the server's name and starts retries that wait longer each time; the first success clears
// it and tells the listeners once; other errors leave it alone.
import { describe, expect, it } from 'vitest'
import type { Transport } from '../../../src/shared/api/client'
import type { Envelope } from '../../../src/shared/api/errors'
import { watchReachability } from '../../../src/shared/api/reachability'

const DOWN: Envelope<unknown> = { ok: false, error: { code: 'unreachable', message: 'The team database at db.example.org:5432/progress cannot be reached; nothing was changed.' } }
const UP: Envelope<unknown> = { ok: true, value: {} }

function fakeTimers() {
  const waiting: { run: () => void; ms: number }[] = []
  return {
    waiting,
    timers: { set: (run: () => void, ms: number) => waiting.push({ run, ms }), clear: () => waiting.splice(0) },
    async fire() {
      const next = waiting.shift()!
      next.run()
      await new Promise((resolve) => setTimeout(resolve, 0))
    },
  }
}

describe('watchReachability', () => {
  it('raises the banner, retries with growing pauses, and clears it once the server answers', async () => {
    let serverUp = false
    const calls: string[] = []
    const inner: Transport = async (method) => (calls.push(String(method)), serverUp ? UP : DOWN)
    const clock = fakeTimers()
    const watch = watchReachability(inner, undefined, clock.timers)
    let back = 0
    watch.onBack(() => back++)

    expect(await watch.transport('letters.list', {})).toEqual(DOWN)
    expect(watch.state).toEqual({ problem: DOWN.ok ? null : DOWN.error.message, server: 'db.example.org:5432/progress', retries: 0 })
    expect(clock.waiting.map((t) => t.ms)).toEqual([1_000])
    await clock.fire()
    await clock.fire()
    expect(clock.waiting.map((t) => t.ms)).toEqual([4_000])
    expect(calls).toEqual(['letters.list', 'app.info', 'app.info'])
    serverUp = true
    await clock.fire()
    expect(watch.state).toEqual({ problem: null, server: null, retries: 0 })
    expect(clock.waiting).toEqual([])
    expect(back).toBe(1)
  })

  it('ignores other errors and does not retry when nothing is wrong', async () => {
    const refused: Envelope<unknown> = { ok: false, error: { code: 'conflict', message: 'Stale.' } }
    const clock = fakeTimers()
    const watch = watchReachability(async () => refused, undefined, clock.timers)
    await watch.transport('assessments.set', {})
    expect(watch.state.problem).toBeNull()
    expect(clock.waiting).toEqual([])
    watch.retryNow()
    expect(clock.waiting).toEqual([])
  })
})
