// Committed changes between desktops: after a call commits, its `changed` event is sent with
// pg_notify on one channel; every core on the database listens on a client of its own (a pooled
// connection would be handed to queries) and hears the others' events. Each core's notifications
// carry its own random origin, so a core never hears its own change twice.
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { sql } from 'kysely'
import type { ChangedEvent } from '../../../../shared/api/events'
import type { Db } from '../database'
import type { ChangeRelay, ChangeListener } from '../port'
import type { PostgresClientOptions } from './client-options'

export const CHANGES_CHANNEL = 'progress_desk_changed'
/** PostgreSQL refuses a notification payload of 8000 bytes or more. */
const PAYLOAD_LIMIT = 7_900
const FIRST_RETRY_MS = 500
const LONGEST_RETRY_MS = 30_000

interface Notice {
  origin: string
  event: ChangedEvent
}

export function postgresChangeRelay(db: Db, options: PostgresClientOptions): ChangeRelay {
  const origin = randomUUID()
  return {
    async announce(event) {
      await sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${notificationPayload(origin, event)})`.execute(db)
    },
    listen: (onEvent) => listenForChanges(options, origin, onEvent),
  }
}

/**
 * The notification's text. A change too large for one notification (the demonstration data) is
 * sent without its ids: a kind with no ids means the kind changed as a whole, and listeners reload it.
 */
export function notificationPayload(origin: string, event: ChangedEvent): string {
  const whole = JSON.stringify({ origin, event } satisfies Notice)
  if (Buffer.byteLength(whole) < PAYLOAD_LIMIT) return whole
  const ids = Object.fromEntries(event.kinds.map((kind) => [kind, []]))
  return JSON.stringify({ origin, event: { ...event, actor: event.actor.slice(0, 200), ids } } satisfies Notice)
}

export function readNotification(payload: string | undefined): Notice | null {
  try {
    const notice = JSON.parse(payload ?? '') as Partial<Notice>
    const event = notice.event
    if (typeof notice.origin !== 'string' || !event || !Array.isArray(event.kinds) || typeof event.actor !== 'string') return null
    return notice as Notice
  } catch {
    return null
  }
}

/**
 * Listens until stopped, reconnecting with a growing pause when the connection is lost. Changes
 * made while it was away cannot be heard afterwards, so after a reconnection it announces the
 * whole database as changed (stores reload what they show).
 */
function listenForChanges(options: PostgresClientOptions, origin: string, onEvent: (event: ChangedEvent) => void): ChangeListener {
  let stopped = false
  let current: pg.Client | null = null
  let timer: NodeJS.Timeout | undefined
  let delay = FIRST_RETRY_MS
  let everConnected = false
  let markReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => (markReady = resolve))

  const connect = async () => {
    const client = new pg.Client({ ...options, application_name: 'Progress Desk (changes)' })
    let lost = false
    const onLost = () => {
      if (lost) return
      lost = true
      if (current === client) current = null
      void client.end().catch(() => undefined)
      scheduleReconnect()
    }
    client.on('error', onLost)
    client.on('end', onLost)
    client.on('notification', (message) => {
      const notice = message.channel === CHANGES_CHANNEL ? readNotification(message.payload) : null
      if (notice && notice.origin !== origin) onEvent(notice.event)
    })
    try {
      await client.connect()
      await client.query(`LISTEN ${CHANGES_CHANNEL}`)
    } catch {
      onLost()
      return
    }
    if (stopped) return void client.end().catch(() => undefined)
    current = client
    delay = FIRST_RETRY_MS
    if (everConnected) onEvent({ kinds: ['database'], ids: { database: [] }, actor: 'Progress Desk', at: new Date().toISOString() })
    everConnected = true
    markReady()
  }

  const scheduleReconnect = () => {
    if (stopped || timer) return
    timer = setTimeout(() => {
      timer = undefined
      void connect()
    }, delay)
    timer.unref()
    delay = Math.min(delay * 2, LONGEST_RETRY_MS)
  }

  void connect()
  return {
    ready,
    async stop() {
      stopped = true
      clearTimeout(timer)
      const client = current
      current = null
      await client?.end().catch(() => undefined)
    },
  }
}
