// Kill -9 in the middle of imports: after each kill the database is sound, every letter whose id
// the importer printed (printed only after commit) is there, and importing again adds exactly
// the letters that were missing. Uses the built CLI (npm test builds before Vitest).
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkDatabase } from '../../src/main/cli/check-database'
import { openDatabase } from '../../src/main/core/backup/open-database'
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

function importUntilKilled(db: string, killAfterMs: number): Promise<number[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, '--db', db, 'import', letterDir, '--json'], { stdio: ['ignore', 'pipe', 'ignore'] })
    const acknowledged: number[] = []
    let buffer = ''
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) {
        const parsed = JSON.parse(line) as { status: string; letterId: number | null }
        if (parsed.status === 'imported' && parsed.letterId !== null) acknowledged.push(parsed.letterId)
      }
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs)
    child.on('exit', () => {
      clearTimeout(timer)
      resolve(acknowledged)
    })
  })
}

describe('crash safety', () => {
  it.skipIf(!existsSync(CLI))(`survives ${KILLS} SIGKILLs during imports without losing an acknowledged letter (needs out/main/cli.js: run npm run build; npm test does)`, async () => {
    const db = join(scratch.dir, 'crash.sqlite')
    const acknowledged = new Set<number>()
    for (let round = 0; round < KILLS; round++) {
      // Spread the kills: early (during start-up or the first commits) to late.
      const ids = await importUntilKilled(db, 150 + Math.floor(Math.random() * 900))
      ids.forEach((id) => acknowledged.add(id))
      // Open it as the app would after a crash (a kill before the first migration committed
      // leaves an empty file, which the app then sets up).
      const { connection } = await openDatabase(db, () => new Date())
      expect(checkDatabase(connection)).toEqual([])
      const present = new Set(connection.sqlite.prepare('SELECT id FROM letters').pluck().all() as number[])
      for (const id of acknowledged) expect(present.has(id), `letter ${id} was acknowledged but is missing`).toBe(true)
      await connection.db.destroy()
    }
    const before = new BetterSqlite3(db, { readonly: true })
    const had = before.prepare('SELECT count(*) FROM letters').pluck().get() as number
    before.close()
    // A full re-import adds exactly the missing letters (the rest are reported as duplicates).
    const added = await importUntilKilled(db, 120_000)
    expect(added.length).toBe(LETTERS - had)
    const { connection: after } = await openDatabase(db, () => new Date())
    expect(after.sqlite.prepare('SELECT count(*) FROM letters').pluck().get()).toBe(LETTERS)
    expect(checkDatabase(after)).toEqual([])
    await after.db.destroy()
  })
})
