// Files that once held the importer for minutes or hours (issue 9): each is now imported, in
// time proportional to its size. Vitest runs the in-process reader, so a pass over the text that
// went quadratic again would hold this test past its time limit and fail it; the reliability
// test (tests/reliability/freezing-files.test.ts) checks the app keeps answering meanwhile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFiles } from '../../src/main/core/letters/import-service'
import { getLetter } from '../../src/main/core/letters/letter-queries'
import { freezingFiles, type FreezingFile } from '../support/freezing-files'
import { createTestCore, type TestCore } from '../support/test-core'

let core: TestCore
let files: FreezingFile[]
beforeAll(async () => {
  core = await createTestCore()
  files = await freezingFiles()
})
afterAll(() => core.dispose())

async function importOne(name: string) {
  const file = files.find((f) => f.name === name)!
  const started = performance.now()
  const [outcome] = await importFiles(core.ctx, [file], 'app')
  // A figure for the report, not an assertion.
  console.log(`${file.kind} (${(file.bytes.length / 1024).toFixed(1)} KB file): ${(performance.now() - started).toFixed(0)} ms, heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB`)
  expect(outcome, outcome && 'error' in outcome ? outcome.error : undefined).toMatchObject({ status: 'imported' })
  return getLetter(core.ctx, (outcome as { letterId: number }).letterId)
}

describe('files that once froze the importer', () => {
  it('a 120 KB run of letters and digits', async () => {
    const letter = await importOne('pasted-key.txt')
    expect(letter).toMatchObject({ date: '2021-03-04', subject: 'Our signing key', signatory: 'Jo Bloggs' })
  })

  it('a .docx whose body is one 1 000 000-character word', async () => {
    const letter = await importOne('one-word.docx')
    expect(letter.bodyText.length).toBe(1_000_000)
  })

  it('an unclosed <mc:Fallback> flood in document.xml', async () => {
    const letter = await importOne('fallback-flood.docx')
    expect(letter).toMatchObject({ bodyText: 'Home Office\n\nRe: Text boxes', subject: 'Text boxes' })
  })

  it('a line of 200 000 spaces before a word', async () => {
    const letter = await importOne('spaces.txt')
    expect(letter.bodyText).toContain(`Before${' '.repeat(200_000)}after.`)
    expect(letter).toMatchObject({ date: '2021-03-04', subject: 'Spacing' })
  })
})
