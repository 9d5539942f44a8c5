// The composition root: the one place the core is put together. Every entry point (Electron,
// the browser harness, the CLI, tests) calls this with its own database path, clock and host.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { CoreContext } from './context'
import { openConnection, type Connection } from './db/connection'
import { migrateToLatest } from './db/migrate'
import { createHandlers } from './handlers'
import { createDispatcher, type Dispatch, type Handlers } from './rpc/dispatch'
import type { Host } from './rpc/host'

export interface CoreOptions {
  /** The SQLite file, or ':memory:' in tests. */
  databasePath: string
  /** Folder holding demo/ (the demonstration dataset). */
  resourcesDir: string
  clock?: () => Date
  actor?: string
  log?: (message: string, error: unknown) => void
}

export interface Core {
  ctx: CoreContext
  connection: Connection
  handlers: Handlers
  databasePath: string
  /** A dispatcher for one transport, with that transport's host. */
  dispatcher(host: Host): Dispatch
  close(): Promise<void>
}

export async function createCore(options: CoreOptions): Promise<Core> {
  if (options.databasePath !== ':memory:') mkdirSync(dirname(options.databasePath), { recursive: true })
  const connection = openConnection(options.databasePath)
  try {
    await migrateToLatest(connection, {
      backupBeforeMigrating: async (from) => {
        if (options.databasePath !== ':memory:') await connection.sqlite.backup(`${options.databasePath}.before-migration-from-v${from}.bak`)
      },
    })
  } catch (error) {
    await connection.db.destroy()
    throw error
  }
  const clock = options.clock ?? (() => new Date())
  const ctx: CoreContext = { db: connection.db, now: () => clock().toISOString(), actor: options.actor ?? 'secretariat' }
  const handlers = createHandlers({ ctx, connection, databasePath: options.databasePath, resourcesDir: options.resourcesDir })
  return {
    ctx,
    connection,
    handlers,
    databasePath: options.databasePath,
    dispatcher: (host) => createDispatcher(handlers, { host, ...(options.log ? { log: options.log } : {}) }),
    close: () => connection.db.destroy(),
  }
}
