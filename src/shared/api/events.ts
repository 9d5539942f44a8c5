// The events the core sends after a committed write, for every transport to carry to its callers.
// Dependency-free like method-names.ts: the sandboxed preload imports it.

export const EVENT_NAMES = ['changed'] as const
export type EventName = (typeof EVENT_NAMES)[number]

/** The Electron channel an event travels on from the main process to the window. */
export const eventChannel = (name: EventName): string => `progress-desk:event:${name}`

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value)
}

/**
 * What a committed call changed: the kinds of item it touched (the audit log's entity names, such
 * as "letter", "link", "assessment"; "database" when a backup replaced everything) and, per kind,
 * the ids. A kind with no ids (a setting) changed as a whole.
 */
export interface ChangedEvent {
  kinds: string[]
  ids: Record<string, number[]>
  actor: string
  at: string
}

export interface EventPayloads {
  changed: ChangedEvent
}
