// The team database's commands: `watch` prints every committed change as it happens, `migrate`
// moves an archive file into an empty team database.
import { parseArgs } from 'node:util'
import type { ChangedEvent } from '../../shared/api/events'
import { copyArchiveToTeamDatabase, isPostgresUrl } from '../core/create-core'
import { printableDatabase } from '../paths'
import type { CliCore, CliIo } from './cli-api'
import { UsageError } from './usage'

/** How often `watch` asks an archive file's audit log for new rows (a team database tells it instead). */
export const ARCHIVE_POLL_MS = 500
/** Rows `audit.recent` gives at most: more new rows than this between two looks means some were missed. */
const AUDIT_PAGE = 500

interface WatchLine {
  kind: string
  ids: number[]
  actor: string
  at: string
}

/**
 * One JSON line per kind of item a committed change touched (`{"kind","ids","actor","at"}`), from
 * any desktop, until interrupted. A team database announces each change (LISTEN/NOTIFY); on an
 * archive file, which only one desktop writes, the audit log is read every half second instead,
 * one line per audited change.
 */
export async function watchCommand(opened: CliCore, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } })
  const print = (line: WatchLine) => io.out(values.json ? JSON.stringify(line) : `${line.at}  ${line.actor}  ${line.kind} ${line.ids.join(', ') || '(all)'}`)
  const interrupted = io.interrupted ?? untilCtrlC()
  if (isPostgresUrl(opened.core.databasePath)) {
    const stop = opened.core.events.subscribe('changed', (event) => linesOf(event).forEach(print))
    await opened.core.listening()
    io.err(`Watching ${printableDatabase(opened.core.databasePath)} for changes; Ctrl+C stops.`)
    await new Promise((resolve) => interrupted.addEventListener('abort', resolve, { once: true }))
    stop()
    return 0
  }
  io.err('Watching the archive file for changes; Ctrl+C stops.')
  await pollAuditLog(opened, print, interrupted)
  return 0
}

export function linesOf(event: ChangedEvent): WatchLine[] {
  return event.kinds.map((kind) => ({ kind, ids: event.ids[kind] ?? [], actor: event.actor, at: event.at }))
}

async function pollAuditLog(opened: CliCore, print: (line: WatchLine) => void, interrupted: AbortSignal): Promise<void> {
  const api = opened.api()
  const newest = async () => (await api.call('audit.recent', { limit: AUDIT_PAGE })).reverse()
  let seen = (await newest()).at(-1)?.id ?? 0
  while (!interrupted.aborted) {
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, ARCHIVE_POLL_MS)
      interrupted.addEventListener('abort', () => (clearTimeout(timer), resolve(null)), { once: true })
    })
    if (interrupted.aborted) break
    const rows = (await newest()).filter((row) => row.id > seen)
    if (rows.length === AUDIT_PAGE && rows[0]!.id > seen + 1) print({ kind: 'database', ids: [], actor: 'Progress Desk', at: new Date().toISOString() })
    for (const row of rows) print({ kind: row.entity, ids: row.entityId === null ? [] : [row.entityId], actor: row.actor, at: row.at })
    seen = rows.at(-1)?.id ?? seen
  }
}

function untilCtrlC(): AbortSignal {
  const controller = new AbortController()
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort())
  return controller.signal
}

/** `--db FILE migrate --to URL`: copies, prints each table's count, exit 1 unless every count matched. */
export async function migrateCommand(databasePath: string, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { to: { type: 'string' }, json: { type: 'boolean' } } })
  if (!values.to) throw new UsageError('migrate needs --to postgres://USER@HOST:PORT/DATABASE (an empty team database).')
  const copy = await copyArchiveToTeamDatabase(databasePath, values.to)
  if (values.json) io.out(JSON.stringify(copy))
  else for (const row of copy.tables) io.out(`${row.table.padEnd(28)} ${String(row.copied).padStart(8)}${row.copied === row.source ? '' : `  (the archive has ${row.source})`}`)
  if (!copy.complete) {
    const differ = copy.tables.filter((row) => row.copied !== row.source).map((row) => row.table)
    io.err(`The counts of ${differ.join(', ')} differ between the archive and the team database at ${copy.server}, so the copy was rolled back; nothing was written.`)
    return 1
  }
  const rows = copy.tables.reduce((sum, row) => sum + row.copied, 0)
  io.out(`Copied ${rows} rows in ${copy.tables.length} tables into the team database at ${copy.server}; every count matches.`)
  return 0
}
