// Kill -9 in the middle of imports: after each kill the database is sound, every letter whose id
// the importer printed (printed only after commit) is there, and importing again adds exactly
// the letters that were missing. Uses the built CLI (npm test builds before Vitest).
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkArchive } from '../../src/main/core/backup/check-archive'
import { openDatabase } from '../../src/main/core/backup/open-database'
import { seededRandom } from '../../src/main/bench/prng'
import { createTestCore, REPO_ROOT, type TestCore } from '../support/test-core'

const CLI = join(REPO_ROOT, 'out', 'main', 'cli.js')
const KILLS = Number(process.env.CRASH_KILLS ?? 4)
const LETTERS = 120

let scratch: TestCore
let letterDir: string
beforeAll(async () => {
  scratch = await createTestCore()
  await scratch.close()
  letterDir = join(scratch.dir, 'letters')
  mkdirSync(letterDir)
  for (let i = 0; i < LETTERS; i++) {
    writeFileSync(join(letterDir, `letter-${String(i).padStart(4, '0')}.txt`), `Home Office\n${(i % 28) + 1} March 2021\nRe: Letter ${i}\n\n${'Some words about progress. '.repeat(200)}${i}`)
  }
})
afterAll(() => scratch.dispose().catch(() => undefined))

/** When to kill: a time after the start, or a delay after the importer has acknowledged some letters. */
type KillPoint = { afterMs: number } | { afterAcknowledged: number; thenMs: number }

interface Round {
  acknowledged: number[]
  /** How many letters had been acknowledged when the kill was sent (null: never sent). */
  acknowledgedAtKill: number | null
  signal: NodeJS.Signals | null
}

function importUntilKilled(db: string, kill: KillPoint | null): Promise<Round> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, '--db', db, 'import', letterDir, '--json'], { stdio: ['ignore', 'pipe', 'ignore'] })
    const acknowledged: number[] = []
    let acknowledgedAtKill: number | null = null
    let timer: NodeJS.Timeout | undefined
    const killIn = (ms: number) => {
      timer ??= setTimeout(() => {
        acknowledgedAtKill = acknowledged.length
        child.kill('SIGKILL')
      }, ms)
    }
    let buffer = ''
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) {
        const parsed = JSON.parse(line) as { status: string; letterId: number | null }
        if (parsed.status === 'imported' && parsed.letterId !== null) acknowledged.push(parsed.letterId)
      }
      if (kill && 'afterAcknowledged' in kill && acknowledged.length >= kill.afterAcknowledged) killIn(kill.thenMs)
    })
    if (kill && 'afterMs' in kill) killIn(kill.afterMs)
    child.on('exit', (_code, signal) => {
      clearTimeout(timer)
      resolve({ acknowledged, acknowledgedAtKill, signal })
    })
  })
}

describe('crash safety', () => {
  it.skipIf(!existsSync(CLI))(`survives ${KILLS} SIGKILLs during imports without losing an acknowledged letter (needs out/main/cli.js: run npm run build; npm test does)`, { timeout: 180_000 }, async () => {
    const db = join(scratch.dir, 'crash.sqlite')
    // Kill points from a seeded generator (CRASH_SEED reproduces a run): the first round dies
    // during start-up or the first commits, the others at a random moment after the importer has
    // acknowledged a few letters, so that committed letters are at stake, mid-group or mid-commit.
    const random = seededRandom(Number(process.env.CRASH_SEED ?? 20210701))
    const acknowledged = new Set<number>()
    const rounds: string[] = []
    let killsAfterCommits = 0
    for (let round = 0; round < KILLS; round++) {
      const kill: KillPoint = round === 0 ? { afterMs: random.int(50, 900) } : { afterAcknowledged: random.int(1, 20), thenMs: random.int(0, 60) }
      const result = await importUntilKilled(db, kill)
      rounds.push(`${JSON.stringify(kill)} → ${result.acknowledgedAtKill ?? 'no kill'} acknowledged at the kill, ${result.acknowledged.length} in all`)
      // Every round is a real kill, not an import that finished first.
      expect(result.signal, rounds.join('; ')).toBe('SIGKILL')
      if ((result.acknowledgedAtKill ?? 0) > 0) killsAfterCommits++
      result.acknowledged.forEach((id) => acknowledged.add(id))
      // Open it as the app would after a crash (a kill before the first migration committed
      // leaves an empty file, which the app then sets up).
      const { connection } = await openDatabase(db, () => new Date())
      expect(await checkArchive(connection)).toEqual([])
      const present = new Set(connection.sqlite.prepare('SELECT id FROM letters').pluck().all() as number[])
      for (const id of acknowledged) expect(present.has(id), `letter ${id} was acknowledged but is missing`).toBe(true)
      await connection.db.destroy()
    }
    console.log(`crash safety: ${rounds.join('; ')}`)
    // Without a kill after a commit, the test would check nothing that a kill could lose.
    expect(killsAfterCommits, rounds.join('; ')).toBeGreaterThan(0)
    const before = new BetterSqlite3(db, { readonly: true })
    const had = before.prepare('SELECT count(*) FROM letters').pluck().get() as number
    before.close()
    // A full re-import adds exactly the missing letters (the rest are reported as duplicates).
    const { acknowledged: added, signal } = await importUntilKilled(db, null)
    expect(signal).toBeNull()
    expect(added.length).toBe(LETTERS - had)
    const { connection: after } = await openDatabase(db, () => new Date())
    expect(after.sqlite.prepare('SELECT count(*) FROM letters').pluck().get()).toBe(LETTERS)
    expect(await checkArchive(after)).toEqual([])
    await after.db.destroy()
  })
})
