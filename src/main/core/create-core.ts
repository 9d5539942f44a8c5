// The composition root: the one place the core is put together. Every entry point (Electron,
// the browser harness, the CLI, tests) calls this with its own database path, clock and host.
import { mkdirSync } from 'node:fs'
import { AppError } from '../../shared/api/errors'
import { dirname } from 'node:path'
import { backupIfDue } from './backup/backup-service'
import { openEngineDatabase, type EngineConnection, type OnDamage } from './backup/open-database'
import { replaceWithBackup } from './backup/restore'
import type { CoreContext } from './context'
import type { Core } from './core'
import { isPostgresUrl } from './db/postgres/connection'
import type { Connection } from './db/sqlite/connection'
import { committedChanges } from './events/committed-changes'
import { liveChanges } from './events/live-changes'
import { lastAuditId } from './history/audit-repository'
import { createHandlers } from './handlers'
import { chooseExtractor } from './letters/worker/choose-extractor'
import { currentCall, noteWholeChange } from './rpc/call-scope'
import { roleOf } from './people/people-service'
import { createDispatcher, type Handlers } from './rpc/dispatch'
import { explainSqliteError } from './db/sqlite/sqlite-errors'

export type { Core, DispatcherOptions } from './core'
export type { Dispatch } from './rpc/dispatch'
export { isPostgresUrl } from './db/postgres/connection'
export type { Host, SaveRequest } from './rpc/host'
export { freeFilePath } from './files/free-file-name'
export { copyArchiveToTeamDatabase, type ArchiveCopy, type CopiedTable } from './backup/copy-to-team-database'

export interface CoreOptions {
  /** The SQLite file (':memory:' in tests), or a team database's URL (postgres://USER@HOST:PORT/DB). */
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

export async function createCore(options: CoreOptions): Promise<Core> {
  const { databasePath } = options
  const onServer = isPostgresUrl(databasePath)
  // No file of its own: held in memory, or on a database server (whose backups are pg_dump's).
  const fileless = databasePath === ':memory:' || onServer
  if (!fileless) mkdirSync(dirname(databasePath), { recursive: true })
  const clock = options.clock ?? (() => new Date())
  // A file that cannot be opened (locked, read-only, not a database) is said in one sentence.
  const opened = await openEngineDatabase(databasePath, clock, options.onDamage).catch((error: unknown) => {
    throw explainSqliteError(error) ?? error
  })
  let connection: EngineConnection = opened.connection
  if (!fileless && !opened.isNew && (options.dailyBackup ?? false)) await backupIfDue(connection, { databasePath, now: clock() })

  const extractor = chooseExtractor(options.extraction ?? (process.env.PROGRESS_DESK_EXTRACTION === 'in-process' ? 'in-process' : 'worker'))
  const defaultActor = options.actor ?? 'secretariat'
  const ctx: CoreContext = {
    db: connection.db,
    now: () => clock().toISOString(),
    // The person behind the call in progress (each transport says who acts), else the default.
    get actor() {
      return currentCall()?.actor ?? defaultActor
    },
    extractor,
    fullText: connection.fullText,
  }
  const live = liveChanges(connection.changes)
  const events = live.events

  const core: Core = {
    ctx,
    get database() {
      return connection
    },
    get connection(): Connection {
      if (connection.engine !== 'sqlite') throw new Error('This core runs on PostgreSQL: its SQLite connection does not exist (use core.database).')
      return connection
    },
    handlers: undefined as unknown as Handlers,
    databasePath,
    recovery: opened.recovery,
    events,
    dispatcher: (host, dispatcherOptions) =>
      createDispatcher(core.handlers, {
        host,
        actor: dispatcherOptions?.actor ?? defaultActor,
        ...(dispatcherOptions?.via ? { via: dispatcherOptions.via } : {}),
        ...(options.log ? { log: options.log } : {}),
        ...(connection.explainError ? { explainError: connection.explainError } : {}),
        roleOf: (actor) => roleOf(ctx.db, actor),
        afterWrite: async (scope) => {
          const event = await committedChanges(ctx.db, scope, ctx.now())
          if (event) await live.committed(event)
        },
      }),
    async restore(backupPath, copy) {
      if (onServer) throw new AppError('conflict', 'A team database is restored by its administrator with pg_restore, not from Progress Desk; nothing was changed.')
      await connection.db.destroy()
      let keptAs: string
      try {
        keptAs = replaceWithBackup(databasePath, backupPath, clock(), copy).keptAs
      } catch (error) {
        // Nothing was replaced: the file as it was is opened again.
        connection = (await openEngineDatabase(databasePath, clock, options.onDamage)).connection
        ctx.db = connection.db
        throw error
      }
      connection = (await openEngineDatabase(databasePath, clock, options.onDamage)).connection
      ctx.db = connection.db
      ctx.databaseGeneration = (ctx.databaseGeneration ?? 0) + 1
      core.recovery = null
      noteWholeChange('database')
      return { keptAs }
    },
    listening: () => live.listening(),
    async close() {
      await live.close()
      await extractor.close()
      await connection.db.destroy()
    },
  }
  core.handlers = createHandlers({ ctx, core, resourcesDir: options.resourcesDir, auditIdAtStart: await lastAuditId(connection.db) })
  return core
}

/**
 * Replaces the database file with a backup without opening the current file first (it may be the
 * damaged one being replaced): the same atomic replacement `core.restore` makes. Open the core
 * afterwards to migrate the restored file.
 */
export function restoreDatabaseFile(databasePath: string, backupPath: string, at: Date = new Date()): { keptAs: string } {
  return replaceWithBackup(databasePath, backupPath, at)
}
