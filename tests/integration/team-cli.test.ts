// The team database's command line: --as names the person in the audit log; `watch --json` prints
// committed changes made by another program, on either engine; `migrate --to URL` moves an archive
// file with the demonstration data into an empty team database, every count checked, and refuses
// a database that is not empty or a copy whose counts differ (rolled back whole).
import { join } from 'node:path'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/run-cli'
import { createCore, type Core } from '../../src/main/core/create-core'
import { noHost } from '../../src/main/core/rpc/host'
import { createTestDatabase, testEngine } from '../support/postgres-databases'
import { seedDemoRegister } from '../support/review-support'
import { createTestCore, FIXED_NOW, RESOURCES_DIR, SMALL_REGISTER_CSV, type TestCore } from '../support/test-core'
import { writeFileSync } from 'node:fs'

let core: TestCore
beforeEach(async () => {
  core = await createTestCore()
})
afterEach(() => core.dispose())

function cliIo(interrupted?: AbortSignal) {
  const out: string[] = []
  const err: string[] = []
  return { out, err, io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line), ...(interrupted ? { interrupted } : {}) } }
}

/** Lists of names (an organisation's aliases) come back in no defined order on PostgreSQL: compared as sets. */
function unordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string') ? [...value].sort() : value.map(unordered)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, unordered(item)]))
  return value
}

async function until(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((resolve) => setTimeout(resolve, 25))
}

describe('the command line on a team database or a file', () => {
  it('names the person given with --as in the audit log', async () => {
    const csv = join(core.dir, 'register.csv')
    writeFileSync(csv, SMALL_REGISTER_CSV)
    const { io, err } = cliIo()
    expect(await runCli(['--db', core.databasePath, '--as', 'Ben Lewis', 'organisations', 'import', csv], io)).toBe(0)
    expect(err).toEqual([])
    const recent = (await core.dispatcher(noHost)('audit.recent', { limit: 50 })) as { ok: true; value: { actor: string }[] }
    expect(recent.value.length).toBeGreaterThan(0)
    expect(new Set(recent.value.map((row) => row.actor))).toEqual(new Set(['Ben Lewis']))
  })

  it('watch --json prints each change another program commits, until interrupted', async () => {
    const { byNumber, cycles } = await seedDemoRegister(core)
    const stop = new AbortController()
    const { io, out, err } = cliIo(stop.signal)
    const watching = runCli(['--db', core.databasePath, 'watch', '--json'], io)
    await until(() => err.some((line) => line.startsWith('Watching')))
    const set = await core.dispatcher(noHost, { actor: 'amira' })('assessments.set', { recommendationId: byNumber('14'), cycleId: cycles.y2021, status: 'Implemented', narrative: 'Done.' })
    expect(set.ok).toBe(true)
    await until(() => out.some((line) => line.includes('"recommendation"')))
    stop.abort()
    expect(await watching).toBe(0)
    const lines = out.map((line) => JSON.parse(line) as Record<string, unknown>)
    const recommendation = lines.find((line) => line.kind === 'recommendation')!
    expect(Object.keys(recommendation)).toEqual(['kind', 'ids', 'actor', 'at'])
    expect(recommendation).toEqual({ kind: 'recommendation', ids: [byNumber('14')], actor: 'amira', at: FIXED_NOW.toISOString() })
  })
})

describe.skipIf(testEngine() !== 'postgres')('migrate --to a team database', () => {
  let archive: Core | null = null
  let target: { url: string; drop(): Promise<void> }
  let archivePath: string
  beforeEach(async () => {
    archivePath = join(core.dir, 'archive.sqlite')
    archive = await createCore({ databasePath: archivePath, resourcesDir: RESOURCES_DIR, clock: () => FIXED_NOW, log: () => undefined })
    expect((await archive.dispatcher(noHost)('app.chooseStart', { choice: 'demo' })).ok).toBe(true)
    await archive.close()
    archive = null
    target = await createTestDatabase()
  })
  afterEach(async () => {
    await archive?.close()
    await target.drop()
  })

  it('copies every table with its counts, and the team database then works as the archive did', async () => {
    const { io, out, err } = cliIo()
    expect(await runCli(['--db', archivePath, 'migrate', '--to', target.url], io)).toBe(0)
    expect(err).toEqual([])
    expect(out.at(-1)).toMatch(/^Copied \d+ rows in \d+ tables into the team database at 127\.0\.0\.1:\d+\/progress_desk_test_\w+; every count matches\.$/)
    expect(out.find((line) => line.startsWith('letters ')), 'a letters line').toMatch(/^letters\s+\d+$/)
    expect(out.find((line) => line.startsWith('originals '))).toMatch(/^originals\s+\d+$/)
    expect(out.find((line) => line.startsWith('audit_log '))).toMatch(/^audit_log\s+\d+$/)

    const source = await createCore({ databasePath: archivePath, resourcesDir: RESOURCES_DIR, clock: () => FIXED_NOW, log: () => undefined })
    const team = await createCore({ databasePath: target.url, resourcesDir: RESOURCES_DIR, clock: () => FIXED_NOW, log: () => undefined })
    try {
      const [fromFile, fromTeam] = [source.dispatcher(noHost), team.dispatcher(noHost)]
      for (const [method, input] of [['letters.list', {}], ['recommendations.list', {}], ['organisations.list', {}], ['audit.recent', { limit: 500 }]] as const) {
        expect(unordered(await fromTeam(method, input)), method).toEqual(unordered(await fromFile(method, input)))
      }
      const letters = (await fromFile('letters.list', {})) as { ok: true; value: { rows: { id: number }[]; total: number } }
      expect(letters.value.total).toBeGreaterThan(20)
      // The originals are the same bytes; search finds the same letters (the team database's triggers indexed them).
      const original = (await team.ctx.db.selectFrom('originals').select(['sha256', 'bytes']).orderBy('sha256').executeTakeFirstOrThrow())
      const same = await source.ctx.db.selectFrom('originals').select('bytes').where('sha256', '=', original.sha256).executeTakeFirstOrThrow()
      expect(Buffer.from(original.bytes as Uint8Array).equals(Buffer.from(same.bytes as Uint8Array))).toBe(true)
      const ids = async (dispatch: typeof fromFile) => ((await dispatch('search.query', { query: 'intimidation', pageSize: 100 })) as { ok: true; value: { items: { kind: string; id: number }[] } }).value.items.map((hit) => `${hit.kind} ${hit.id}`).sort()
      expect(await ids(fromTeam)).toEqual(await ids(fromFile))
      // New rows continue after the copied ids.
      const created = await fromTeam('organisations.create', { name: 'Boundary Commission for Wales', group: 'Government', aliases: [], emailDomains: [] })
      const copiedIds = ((await fromFile('organisations.list', {})) as { ok: true; value: { id: number }[] }).value.map((o) => o.id)
      expect(created).toMatchObject({ ok: true, value: { id: Math.max(...copiedIds) + 1 } })
    } finally {
      await source.close()
      await team.close()
    }

    const again = cliIo()
    expect(await runCli(['--db', archivePath, 'migrate', '--to', target.url], again.io)).toBe(1)
    expect(again.err[0]).toMatch(/is not empty \(\w+ holds \d+ rows\); migrate copies into an empty database only, so nothing was copied\.$/)
  })

  it('rolls the whole copy back and exits 1 when a count differs', async () => {
    const admin = new pg.Client({ connectionString: target.url })
    await admin.connect()
    try {
      // A rule on the target that quietly drops the near-duplicate index's rows: the copy must notice.
      await admin.query('CREATE RULE swallow_bands AS ON INSERT TO letter_fingerprint_bands DO INSTEAD NOTHING')
      const { io, out, err } = cliIo()
      expect(await runCli(['--db', archivePath, 'migrate', '--to', target.url], io)).toBe(1)
      expect(out.find((line) => line.startsWith('letter_fingerprint_bands '))).toMatch(/^letter_fingerprint_bands\s+0  \(the archive has \d+\)$/)
      expect(err).toEqual([expect.stringMatching(/^The counts of letter_fingerprint_bands differ between the archive and the team database at .*, so the copy was rolled back; nothing was written\.$/)])
      expect((await admin.query('SELECT count(*)::int AS n FROM letters')).rows[0].n).toBe(0)
    } finally {
      await admin.end()
    }
  })
})
