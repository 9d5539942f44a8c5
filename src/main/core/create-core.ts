// The composition root: the one place the core is put together. Every entry point (Electron,
// the browser harness, the CLI, tests) calls this with its own database path, clock and host.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { backupIfDue } from './backup/backup-service'
import { openDatabase, type OnDamage, type RecoveryNotice } from './backup/open-database'
import { replaceWithBackup } from './backup/restore'
import type { CoreContext } from './context'
import type { Connection } from './db/connection'
import { createHandlers } from './handlers'
import { chooseExtractor } from './letters/worker/choose-extractor'
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
  /** Take the daily backup at start-up when due (the desktop app does; the CLI and harness do not). */
  dailyBackup?: boolean
  /**
   * Where letters are parsed: 'worker' (default) uses a pool of worker threads running the built
   * out/main/extract-worker.js, and falls back to 'in-process' where that file does not exist
   * (Vitest runs the sources). PROGRESS_DESK_EXTRACTION=in-process forces the fallback.
   */
  extraction?: 'worker' | 'in-process'
  /** A damaged file: 'move-aside' (the app: start afresh, offer a backup) or 'refuse' (the CLI). */
  onDamage?: OnDamage
}

export interface Core {
  ctx: CoreContext
  /** The open connection; replaced when a backup is restored. */
  readonly connection: Connection
  handlers: Handlers
  databasePath: string
  /** Set when the database file was damaged on open and had to be moved aside. */
  recovery: RecoveryNotice | null
  /** A dispatcher for one transport, with that transport's host. */
  dispatcher(host: Host): Dispatch
  /** Replaces the database with a backup; the current file is kept aside, never deleted. */
  restore(backupPath: string, copy?: (from: string, to: string) => void): Promise<{ keptAs: string }>
  close(): Promise<void>
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const { databasePath } = options
  const inMemory = databasePath === ':memory:'
  if (!inMemory) mkdirSync(dirname(databasePath), { recursive: true })
  const clock = options.clock ?? (() => new Date())
  const opened = await openDatabase(databasePath, clock, options.onDamage)
  let connection = opened.connection
  if (!inMemory && !opened.isNew && (options.dailyBackup ?? false)) await backupIfDue(connection.sqlite, { databasePath, now: clock() })

  const extractor = chooseExtractor(options.extraction ?? (process.env.PROGRESS_DESK_EXTRACTION === 'in-process' ? 'in-process' : 'worker'))
  const ctx: CoreContext = { db: connection.db, now: () => clock().toISOString(), actor: options.actor ?? 'secretariat', extractor }

  const core: Core = {
    ctx,
    get connection() {
      return connection
    },
    handlers: undefined as unknown as Handlers,
    databasePath,
    recovery: opened.recovery,
    dispatcher: (host) => createDispatcher(core.handlers, { host, ...(options.log ? { log: options.log } : {}) }),
    async restore(backupPath, copy) {
      await connection.db.destroy()
      let keptAs: string
      try {
        keptAs = replaceWithBackup(databasePath, backupPath, clock(), copy).keptAs
      } catch (error) {
        // Nothing was replaced: the file as it was is opened again.
        connection = (await openDatabase(databasePath, clock, options.onDamage)).connection
        ctx.db = connection.db
        throw error
      }
      connection = (await openDatabase(databasePath, clock, options.onDamage)).connection
      ctx.db = connection.db
      ctx.databaseGeneration = (ctx.databaseGeneration ?? 0) + 1
      core.recovery = null
      return { keptAs }
    },
    async close() {
      await extractor.close()
      await connection.db.destroy()
    },
  }
  core.handlers = createHandlers({ ctx, core, resourcesDir: options.resourcesDir })
  return core
}
