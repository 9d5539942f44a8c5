// `npm run serve:browser`: the real core behind the loopback harness, for trying the UI in a
// browser and for the Playwright tests. Prints "Progress Desk is ready at URL" when listening.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createCore } from '../core/create-core'
import { freeFilePath } from '../core/files/free-file-name'
import type { Host } from '../core/rpc/host'
import { databaseLocation, printableDatabase, resourcesDir } from '../paths'
import { startHarness } from './harness-server'

async function main() {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, port: { type: 'string' }, downloads: { type: 'string' }, renderer: { type: 'string' }, as: { type: 'string' } },
  })
  const scratch = mkdtempSync(join(tmpdir(), 'progress-desk-harness-'))
  // --db, else PROGRESS_DESK_DB (a file or a team database's URL), else a fresh file for this run.
  const databasePath = databaseLocation(values.db ?? process.env.PROGRESS_DESK_DB ?? join(scratch, 'progress-desk.sqlite'))
  const downloads = resolve(values.downloads ?? join(scratch, 'downloads'))
  const rendererDir = resolve(values.renderer ?? join(__dirname, '..', 'renderer'))
  const core = await createCore({ databasePath, resourcesDir: resourcesDir() })
  // Who acts through this page (--as, or PROGRESS_DESK_ACTOR): two harnesses on one database are two people.
  const actor = values.as?.trim() || process.env.PROGRESS_DESK_ACTOR?.trim() || undefined
  const host: Host = {
    // The browser has no save dialog the core can drive: files go to the downloads folder, under
    // a new name ("name (2).docx") when the name is taken, as browsers name repeated downloads.
    async chooseSavePath(request) {
      const { mkdir } = await import('node:fs/promises')
      await mkdir(downloads, { recursive: true })
      return freeFilePath(downloads, basename(request.defaultName))
    },
  }
  const dispatch = core.dispatcher(host, actor ? { actor } : {})
  // A call naming `as` acts as that person (a test's second person on the same core).
  const others = new Map<string, ReturnType<typeof core.dispatcher>>()
  const dispatchAs = (name: string) => others.get(name) ?? others.set(name, core.dispatcher(host, { actor: name })).get(name)!
  const harness = await startHarness({ dispatch, dispatchAs, rendererDir, port: values.port ? Number(values.port) : 0, events: core.events })
  process.stdout.write(`Progress Desk is ready at ${harness.url}\n  database: ${printableDatabase(databasePath)}\n  exports:  ${downloads}\n`)
  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    // Never linger: if closing the core is held up (a reader thread busy in a parser), go anyway;
    // every write is already committed, so nothing is lost by leaving.
    setTimeout(() => process.exit(0), 3_000).unref()
    await harness.close()
    await core.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

main().catch((error: unknown) => {
  process.stderr.write(`The browser harness could not start: ${(error as Error).message}\n`)
  process.exit(1)
})
