// The review commands' exact output: other tools parse the --json forms.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/run-cli'
import { createTestCore, type TestCore } from '../../support/test-core'
import { addLetter, seedDemoRegister } from '../../support/review-support'

let scratch: TestCore
let db: string
let letterId: number
const TEXT = 'Labour Party\n\n12 April 2021\n\nDear Chair,\n\nOn recommendation 14, members who intimidate opponents are now expelled.\n\nWe publish each year the number of complaints and their outcomes.\n\nYours sincerely,\nGeneral Secretary'

beforeEach(async () => {
  // The register, recommendations, cycles and one letter, written by a core and then closed: each
  // CLI call opens the database itself, as it does in use.
  scratch = await createTestCore()
  await seedDemoRegister(scratch)
  letterId = await addLetter(scratch, { text: TEXT, organisation: 'Labour Party', date: '2021-04-12', subject: 'Party discipline' })
  db = scratch.databasePath
  await scratch.close()
})
afterEach(() => scratch.dispose().catch(() => undefined))

async function cli(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(['--db', db, ...args], { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out, err }
}

describe('review commands', () => {
  it('suggest --json prints one JSON array, best first, with exactly the agreed keys', async () => {
    const result = await cli('suggest', '--letter', String(letterId), '--json')
    expect(result.code).toBe(0)
    expect(result.out).toHaveLength(1)
    const suggestions = JSON.parse(result.out[0]!) as Record<string, unknown>[]
    expect(suggestions.length).toBeGreaterThanOrEqual(2)
    for (const s of suggestions) {
      expect(Object.keys(s)).toEqual(['recommendation', 'score', 'passage', 'why'])
      expect(typeof s.recommendation).toBe('string')
      expect(typeof s.score).toBe('number')
    }
    expect(suggestions[0]).toMatchObject({ recommendation: '14', passage: 'On recommendation 14, members who intimidate opponents are now expelled.', why: expect.stringMatching(/^Cites recommendation 14/) })
    expect(suggestions[1]).toMatchObject({ recommendation: '15' })
    const scores = suggestions.map((s) => s.score as number)
    expect([...scores].sort((a, b) => b - a)).toEqual(scores)
    const human = await cli('suggest', '--letter', String(letterId))
    expect(human.out[0]).toMatch(/^ {2}14 {2}0\.\d\d {2}Cites recommendation 14/)
  })

  it('link links a letter or a quoted passage by recommendation number, and then suggest leaves it out', async () => {
    expect(await cli('link', '--letter', String(letterId), '--recommendation', '15', '--note', 'Data')).toMatchObject({ code: 0, out: [expect.stringMatching(/^Linked letter \d+ to recommendation 15 \(link \d+\)\.$/)] })
    expect(await cli('link', '--letter', String(letterId), '--recommendation', '14', '--quote', 'members who intimidate opponents are now expelled')).toMatchObject({ code: 0, out: [expect.stringMatching(/^Linked a passage of letter \d+ to recommendation 14/)] })
    const after = JSON.parse((await cli('suggest', '--letter', String(letterId), '--json')).out[0]!) as { recommendation: string }[]
    expect(after.map((s) => s.recommendation)).not.toContain('14')
    expect(await cli('link', '--letter', String(letterId), '--recommendation', '99')).toMatchObject({ code: 1, err: ['There is no recommendation numbered 99.'] })
    expect(await cli('link', '--letter', String(letterId), '--recommendation', '14', '--quote', 'not in the letter')).toMatchObject({ code: 1, err: [expect.stringMatching(/not in the text of that letter/)] })
    expect((await cli('link', '--recommendation', '14')).err[0]).toBe('link needs --letter ID.')
  })

  it('assess sets a status and narrative by number and cycle name, keeping the narrative when none is given', async () => {
    expect(await cli('assess', '--recommendation', '14', '--cycle', '2021 progress review', '--status', 'partially implemented', '--narrative', 'Most parties act.')).toMatchObject({
      code: 0,
      out: ['Recommendation 14, 2021 progress review: Partially implemented.', 'Note: no letter dated within 2021 progress review is linked to recommendation 14 as evidence yet.'],
    })
    await cli('link', '--letter', String(letterId), '--recommendation', '14')
    expect(await cli('assess', '--recommendation', '14', '--cycle', '2021 progress review', '--status', 'Implemented')).toMatchObject({ code: 0, out: ['Recommendation 14, 2021 progress review: Implemented.'] })
    const core = await createTestCore({ databasePath: db })
    expect(core.connection.sqlite.prepare('SELECT status, narrative FROM assessments').get()).toEqual({ status: 'Implemented', narrative: 'Most parties act.' })
    await core.close()
    expect(await cli('assess', '--recommendation', '14', '--cycle', '2021 progress review', '--status', 'Done')).toMatchObject({ code: 1, err: [expect.stringMatching(/^“Done” is not a status; use one of: Implemented, /)] })
    expect(await cli('assess', '--recommendation', '14', '--cycle', 'Nope', '--status', 'Implemented')).toMatchObject({ code: 1, err: ['There is no reporting cycle called “Nope”.'] })
  })

  it('assess --json without --status prints the stored assessment with its version, and --if-version refuses a stale save', async () => {
    const show = async () => {
      const result = await cli('assess', '--recommendation', '14', '--cycle', '2021 progress review', '--json')
      expect(result).toMatchObject({ code: 0, err: [] })
      expect(result.out).toHaveLength(1)
      const shown = JSON.parse(result.out[0]!) as Record<string, unknown>
      expect(Object.keys(shown)).toEqual(['status', 'narrative', 'version', 'updatedBy', 'updatedAt'])
      return shown
    }
    expect(await show()).toEqual({ status: 'Not yet assessed', narrative: '', version: 0, updatedBy: null, updatedAt: null })
    const save = (status: string, version: string) => cli('assess', '--recommendation', '14', '--cycle', '2021 progress review', '--status', status, '--narrative', `${status} now.`, '--if-version', version)
    expect((await save('In progress', '0')).code).toBe(0)
    const first = await show()
    expect(first).toMatchObject({ status: 'In progress', narrative: 'In progress now.', version: 1 })
    expect(typeof first.updatedBy).toBe('string')
    expect(typeof first.updatedAt).toBe('string')
    // A second save from version 0 comes after the first: refused, with a sentence saying so.
    const stale = await save('Implemented', '0')
    expect(stale.code).toBe(1)
    expect(stale.err).toHaveLength(1)
    expect(stale.err[0]).toContain('changed')
    expect(await show()).toEqual(first)
    expect((await save('Implemented', '1')).code).toBe(0)
    expect(await show()).toMatchObject({ status: 'Implemented', version: 2 })
    expect(await cli('assess', '--recommendation', '14', '--cycle', '2021 progress review', '--status', 'Implemented', '--if-version', 'two')).toMatchObject({ code: 2 })
  })

  it('search --json prints letters with a plain snippet and the agreed keys, and survives any query', async () => {
    const result = await cli('search', 'intimidate', '--json')
    expect(result.code).toBe(0)
    const hits = JSON.parse(result.out[0]!) as Record<string, unknown>[]
    expect(hits).toHaveLength(1)
    expect(Object.keys(hits[0]!)).toEqual(['letterId', 'organisation', 'date', 'subject', 'snippet', 'score'])
    expect(hits[0]).toMatchObject({ letterId, organisation: 'Labour Party', date: '2021-04-12', subject: 'Party discipline', snippet: expect.stringContaining('members who intimidate opponents'), score: expect.any(Number) })
    expect(hits[0]!.snippet).not.toMatch(/[\u0002\u0003]/)
    expect(JSON.parse((await cli('search', '"unbalanced', 'NEAR(', '--json')).out[0]!)).toEqual([])
    expect((await cli('search', 'complaints', 'outcomes')).out[0]).toMatch(/Labour Party/)
    expect((await cli('search')).code).toBe(2)
  })
})
