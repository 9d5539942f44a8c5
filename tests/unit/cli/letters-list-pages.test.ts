// `letters list --json` prints every letter as one JSON array, as it always has (other tools parse
// it), while the core gives the list a page at a time: stdout is written page by page.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/run-cli'
import { listLetters } from '../../../src/main/core/letters/letter-queries'
import { LETTER_PAGE_ROWS } from '../../../src/shared/api/limits'
import { addLetter, seedDemoRegister } from '../../support/review-support'
import { createTestCore, type TestCore } from '../../support/test-core'

const LETTERS = LETTER_PAGE_ROWS * 2 + 37

let scratch: TestCore
/** What the command printed before pages: the whole list, mapped, in one JSON.stringify. */
let before: string

beforeAll(async () => {
  scratch = await createTestCore()
  await seedDemoRegister(scratch)
  const senders = ['Labour Party', 'Conservative Party', null]
  for (let i = 0; i < LETTERS; i++) {
    const day = String((i % 28) + 1).padStart(2, '0')
    await addLetter(scratch, { text: `Letter ${i}`, organisation: senders[i % 3]!, date: i % 10 === 0 ? null : `2021-0${(i % 9) + 1}-${day}`, subject: i % 7 === 0 ? null : `Subject “${i}”` })
  }
  const all = await listLetters(scratch.ctx)
  before = JSON.stringify(all.map((l) => ({ id: l.id, organisation: l.organisation, date: l.date, subject: l.subject, file: l.fileName, format: l.format })))
  await scratch.close()
}, 120_000)
afterAll(() => scratch.dispose().catch(() => undefined))

it('streams the JSON array page by page, byte for byte what one array gave', async () => {
  const chunks: string[] = []
  const code = await runCli(['--db', scratch.databasePath, 'letters', 'list', '--json'], { out: () => undefined, write: (chunk) => chunks.push(chunk), err: () => undefined })
  expect(code).toBe(0)
  // One write a page (three pages), and the closing bracket.
  expect(chunks).toHaveLength(4)
  expect(chunks.join('')).toBe(`${before}\n`)
  expect(JSON.parse(chunks.join(''))).toHaveLength(LETTERS)
})

it('prints the same array as one line to a caller that collects lines', async () => {
  const out: string[] = []
  expect(await runCli(['--db', scratch.databasePath, 'letters', 'list', '--json'], { out: (line) => out.push(line), err: () => undefined })).toBe(0)
  expect(out).toEqual([before])
})
