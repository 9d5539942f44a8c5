// An import that a fatal storage error stops (here a full disk, made real by capping the number
// of pages SQLite may use) still reports every file, and exits 1.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { runCli } from '../../../src/main/cli/run-cli'
import { createTestCore, type TestCore } from '../../support/test-core'

/** Pages the database may grow by once opened; null while the test sets the database up. */
const room = vi.hoisted(() => ({ pages: null as number | null }))

vi.mock('../../../src/main/core/db/sqlite/connection', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/main/core/db/sqlite/connection')>()
  return {
    ...original,
    openConnection(path: string) {
      const connection = original.openConnection(path)
      if (room.pages !== null) {
        const used = connection.sqlite.pragma('page_count', { simple: true }) as number
        connection.sqlite.pragma(`max_page_count = ${used + room.pages}`)
      }
      return connection
    },
  }
})

let scratch: TestCore
beforeEach(async () => {
  room.pages = null
  scratch = await createTestCore()
  await scratch.close()
})
afterEach(() => scratch.dispose().catch(() => undefined))

async function cli(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(['--db', join(scratch.dir, 'progress-desk.sqlite'), ...args], { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out, err }
}

it('gives every file its JSON line and exits 1 when the disk fills part-way through a folder', async () => {
  const folder = join(scratch.dir, 'letters')
  mkdirSync(folder)
  // Eight small letters (the first group) fit; the next group's large letters do not.
  for (let i = 0; i < 8; i++) writeFileSync(join(folder, `a${i}.txt`), `Home Office\n${i + 1} March 2021\nLetter number ${i} about recommendation ${i}.`)
  const words = (seed: number) => Array.from({ length: 40000 }, (_, i) => `word${(i * 7919 + seed) % 100003}`).join(' ')
  for (let i = 0; i < 3; i++) writeFileSync(join(folder, `b${i}.txt`), `Home Office\n1 April 2021\n${words(i)}`)
  await cli('import', join(scratch.dir, 'nothing-here.txt')) // opens and migrates the database first
  room.pages = 80

  const result = await cli('import', folder, '--json')
  expect(result.code).toBe(1)
  const lines = result.out.map((l) => JSON.parse(l) as { file: string; status: string; error: string | null })
  expect(lines.map((l) => l.file)).toEqual([...Array.from({ length: 8 }, (_, i) => join(folder, `a${i}.txt`)), ...[0, 1, 2].map((i) => join(folder, `b${i}.txt`))])
  expect(lines.slice(0, 8).map((l) => l.status)).toEqual(Array(8).fill('imported'))
  for (const line of lines.slice(8)) expect(line).toMatchObject({ status: 'failed', error: expect.stringMatching(/disk is full/) })
  expect(result.err).toEqual([expect.stringMatching(/disk is full/)])

  room.pages = null
  const listed = JSON.parse((await cli('letters', 'list', '--json')).out[0]!) as { file: string }[]
  expect(listed.map((l) => l.file).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `a${i}.txt`))
})

it('reports a file over the size limit from its size alone, without reading it', async () => {
  await cli('import', join(scratch.dir, 'nothing-here.txt'))
  const big = join(scratch.dir, 'big.txt')
  writeFileSync(big, 'x')
  const { truncateSync } = await import('node:fs')
  // Sparse: 3 GB long with nothing written. Reading it first would fail (Node reads at most 2 GB
  // into one buffer) or fill the memory; its size alone says it is over the limit.
  truncateSync(big, 3 * 1024 ** 3)
  const result = await cli('import', big, '--json')
  expect(result.code).toBe(1)
  expect(JSON.parse(result.out[0]!)).toMatchObject({ file: big, status: 'failed', error: 'big.txt is 3072.0 MB, over the 50.0 MB limit for one letter (the limit can be changed in the import settings).' })
})
