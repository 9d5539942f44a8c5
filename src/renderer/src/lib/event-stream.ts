// Reads the harness's server-sent events (GET /events) over fetch, so that the per-run token can
// go in a header as it does for /rpc. One stream serves every subscriber; it reconnects after a
// pause if the harness drops it, and stops when the last subscriber leaves.
import type { Subscriber } from '../../../shared/api/client'
import type { EventName } from '../../../shared/api/events'

const RECONNECT_MS = 2_000

export function createEventStreamSubscriber(url: string, headers: () => Record<string, string>): Subscriber {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  let controller: AbortController | null = null

  const count = () => [...listeners.values()].reduce((total, set) => total + set.size, 0)

  function deliver(block: string) {
    let name = ''
    const data: string[] = []
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) name = line.slice(7)
      else if (line.startsWith('data: ')) data.push(line.slice(6))
    }
    const set = listeners.get(name as EventName)
    if (!set || data.length === 0) return
    let payload: unknown
    try {
      payload = JSON.parse(data.join('\n'))
    } catch {
      return
    }
    for (const listener of set) listener(payload)
  }

  async function connect() {
    const own = new AbortController()
    controller = own
    try {
      const response = await fetch(url, { headers: headers(), signal: own.signal })
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`)
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
      let buffer = ''
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffer += value
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          deliver(buffer.slice(0, end))
          buffer = buffer.slice(end + 2)
        }
      }
    } catch {
      // Dropped or refused: try again below while anyone still listens.
    }
    if (controller === own && !own.signal.aborted && count() > 0) setTimeout(() => controller === own && void connect(), RECONNECT_MS)
  }

  return (event, callback) => {
    let set = listeners.get(event)
    if (!set) listeners.set(event, (set = new Set()))
    set.add(callback)
    if (!controller) void connect()
    return () => {
      set.delete(callback)
      if (count() === 0) {
        controller?.abort()
        controller = null
      }
    }
  }
}
