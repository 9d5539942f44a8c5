// The core's `changed` events, local and remote: a change committed here is emitted to this core's
// subscribers and, on a team database, announced to the other desktops; their changes arrive
// through the database's relay and are emitted here like local ones. Listening starts when the
// first subscriber (a window, the harness, `watch`) arrives, so a one-off CLI command opens no
// listening connection.
import type { ChangedEvent } from '../../../shared/api/events'
import type { ChangeListener, ChangeRelay } from '../db/port'
import { EventHub } from './event-hub'

export interface LiveChanges {
  events: EventHub
  /** Emits a change committed by this core, and tells the other cores of it. */
  committed(event: ChangedEvent): Promise<void>
  /** Resolves once other desktops' changes are being heard (at once without a relay). */
  listening(): Promise<void>
  close(): Promise<void>
}

export function liveChanges(relay: ChangeRelay | undefined): LiveChanges {
  let listener: ChangeListener | null = null
  const start = () => {
    if (relay && !listener) listener = relay.listen((event) => events.emit('changed', event))
    return listener
  }
  const events = new EventHub(() => void start())
  return {
    events,
    async committed(event) {
      events.emit('changed', event)
      await relay?.announce(event)
    },
    listening: async () => start()?.ready,
    close: async () => listener?.stop(),
  }
}
