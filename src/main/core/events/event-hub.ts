// In-process publish/subscribe for the contract's events. Transports subscribe once and carry
// what they hear to their callers (IPC to the window, server-sent events in the harness).
import type { EventName, EventPayloads } from '../../../shared/api/events'

export type EventListener<E extends EventName> = (payload: EventPayloads[E]) => void

export class EventHub {
  private readonly listeners = new Map<EventName, Set<EventListener<EventName>>>()

  /** `onFirstSubscriber` runs once, when someone first listens (a team database starts hearing other desktops then). */
  constructor(private onFirstSubscriber?: () => void) {}

  /** Returns the function that unsubscribes. */
  subscribe<E extends EventName>(name: E, listener: EventListener<E>): () => void {
    const first = this.onFirstSubscriber
    this.onFirstSubscriber = undefined
    first?.()
    let set = this.listeners.get(name)
    if (!set) this.listeners.set(name, (set = new Set()))
    set.add(listener as EventListener<EventName>)
    return () => set.delete(listener as EventListener<EventName>)
  }

  emit<E extends EventName>(name: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners.get(name) ?? []) {
      // One faulty listener (a closed window, a dropped connection) must not stop the others.
      try {
        listener(payload)
      } catch (error) {
        console.error(`A listener for ${name} failed`, error)
      }
    }
  }
}
