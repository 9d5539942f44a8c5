// What the composition root hands every entry point. Its own file, so that the handlers can name
// the core without importing the composition root that imports them.
import type { CoreContext } from './context'
import type { DatabasePort } from './db/port'
import type { Connection } from './db/sqlite/connection'
import type { RecoveryNotice } from './backup/open-database'
import type { EventHub } from './events/event-hub'
import type { Dispatch, Handlers, Via } from './rpc/dispatch'
import type { Host } from './rpc/host'

export interface DispatcherOptions {
  /** Who acts through this transport; the core's default actor when absent. */
  actor?: string
  /** Which kind of caller the transport is ('app' when absent): recorded with what it imports. */
  via?: Via
}

export interface Core {
  ctx: CoreContext
  /** The open database, whichever the engine; replaced when a backup is restored. */
  readonly database: DatabasePort
  /**
   * The open SQLite connection (its raw handle, for SQLite's own tools and the tests written for
   * it). On PostgreSQL reading it throws: engine-neutral code uses `database`.
   */
  readonly connection: Connection
  handlers: Handlers
  databasePath: string
  /** Set when the database file was damaged on open and had to be moved aside. */
  recovery: RecoveryNotice | null
  /** The contract's events (`changed` after each committed write), for transports to relay. */
  events: EventHub
  /** Resolves once changes made on other desktops are heard (a team database); at once on SQLite. */
  listening(): Promise<void>
  /** A dispatcher for one transport, with that transport's host and acting person. */
  dispatcher(host: Host, options?: DispatcherOptions): Dispatch
  /** Replaces the database with a backup; the current file is kept aside, never deleted. */
  restore(backupPath: string, copy?: (from: string, to: string) => void): Promise<{ keptAs: string }>
  close(): Promise<void>
}
