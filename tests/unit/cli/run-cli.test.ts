import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/run-cli'
import { createTestCore, SMALL_RECOMMENDATIONS_CSV, SMALL_REGISTER_CSV, type TestCore } from '../../support/test-core'

let scratch: TestCore
let db: string
beforeEach(async () => {
  scratch = await createTestCore()
  await scratch.close() // only its folder is used; each CLI call opens the database itself
  db = join(scratch.dir, 'cli.sqlite')
})
afterEach(() => scratch.dispose().catch(() => undefined))

async function cli(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(['--db', db, ...args], { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out, err }
}

function write(name: string, text: string) {
  const path = join(scratch.dir, name)
  writeFileSync(path, text)
  return path
}

describe('progress-desk CLI', () => {
  it('imports the register and recommendations, reporting what it did', async () => {
    expect(await cli('organisations', 'import', write('orgs.csv', SMALL_REGISTER_CSV))).toMatchObject({ code: 0, out: ['Organisations: 4 added, 0 updated.'] })
    expect(await cli('recommendations', 'import', write('recs.csv', SMALL_RECOMMENDATIONS_CSV), '--report', 'Intimidation')).toMatchObject({ code: 0, out: ['Recommendations: 3 added, 0 updated.'] })
    expect(await cli('recommendations', 'import', write('recs.csv', SMALL_RECOMMENDATIONS_CSV))).toMatchObject({ code: 0, out: ['Recommendations: 0 added, 3 updated.'] })
  })

  it('imports files and folders as JSON lines, exit 1 when one failed but the rest imported', async () => {
    await cli('organisations', 'import', write('orgs.csv', SMALL_REGISTER_CSV))
    const good = write('good.txt', 'IPSO\n4 March 2021\nRe: Code\nText.')
    const empty = write('empty.txt', '')
    const result = await cli('import', good, empty, good, join(scratch.dir, 'missing.txt'), '--json')
    expect(result.code).toBe(1)
    const lines = result.out.map((l) => JSON.parse(l) as Record<string, unknown>)
    // The stable keys first, in this order; keys added later only after them.
    expect(Object.keys(lines[0]!)).toEqual(['file', 'status', 'letterId', 'organisation', 'date', 'subject', 'error', 'nearDuplicateOf', 'format', 'ocr', 'attachments'])
    expect(lines[1]).toMatchObject({ nearDuplicateOf: null, format: 'txt', ocr: false, attachments: [] })
    expect(lines.map((l) => l.status)).toEqual(['failed', 'imported', 'failed', 'duplicate'])
    expect(lines[1]).toMatchObject({ organisation: 'Independent Press Standards Organisation', date: '2021-03-04', subject: 'Code', error: null })
    expect(lines[3]).toMatchObject({ letterId: lines[1]!.letterId })
    expect(lines[0]!.error).toMatch(/does not exist/)

    const list = await cli('letters', 'list', '--json')
    expect(JSON.parse(list.out[0]!)).toEqual([{ id: lines[1]!.letterId, organisation: 'Independent Press Standards Organisation', date: '2021-03-04', subject: 'Code', file: 'good.txt', format: 'txt' }])
    expect(await cli('check')).toMatchObject({ code: 0, out: ['The database cli.sqlite is sound.'] })
  })

  it('says what is wrong with bad usage, exit 2, without a stack trace', async () => {
    const unknown = await cli('frobnicate')
    expect(unknown.code).toBe(2)
    expect(unknown.err[0]).toBe('Unknown command frobnicate.')
    expect((await cli('import')).code).toBe(2)
    expect((await cli('export')).err[0]).toBe('export needs --out FILE.docx.')
    const failure = await cli('export', '--out', join(scratch.dir, 'x.docx'), '--cycle', 'Nope')
    expect(failure).toMatchObject({ code: 1, err: ['There is no reporting cycle called “Nope”.'] })
  })

  it('finds damage: check fails when a stored original was altered', async () => {
    await cli('import', write('a.txt', 'Home Office\nA letter.'))
    const core = await createTestCore({ databasePath: db })
    core.connection.sqlite.prepare("UPDATE originals SET bytes = X'00'").run()
    await core.close()
    const result = await cli('check')
    expect(result.code).toBe(1)
    expect(result.err.join('\n')).toMatch(/has changed since it was imported/)
  })
})
