// The CLI's summary commands: a group's framing paragraph, the export settings, and the export's
// refusals (nothing assessed without --allow-empty; an existing file without --overwrite).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/run-cli'
import { createCore } from '../../../src/main/core/create-core'
import { createTestCore, RESOURCES_DIR, type TestCore } from '../../support/test-core'

let scratch: TestCore
let db: string
const CYCLE = '2021 progress review'
const demoPreambles = JSON.parse(readFileSync(join(RESOURCES_DIR, 'demo', 'preambles.json'), 'utf8')) as { group: string; text: string }[]

beforeAll(async () => {
  scratch = await createTestCore()
  await scratch.close()
  db = join(scratch.dir, 'cli.sqlite')
  expect((await cli('demo')).code).toBe(0)
})
afterAll(() => scratch.dispose().catch(() => undefined))

async function cli(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(['--db', db, ...args], { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out, err }
}

describe('groups preamble', () => {
  it('sets, shows and removes a group’s framing paragraph for a cycle', async () => {
    const text = 'In 2017, we found that *forces differed* in how they treated intimidation.'
    expect(await cli('groups', 'preamble', '--group', 'policing and prosecution', '--cycle', CYCLE, '--text', text)).toEqual({ code: 0, out: [`Saved the framing paragraph for Policing and prosecution (${text.length} characters).`], err: [] })
    expect(await cli('groups', 'preamble', '--group', 'Policing and prosecution', '--cycle', CYCLE)).toMatchObject({ code: 0, out: [text] })
    expect(await cli('groups', 'preamble', '--group', 'Civil society', '--cycle', CYCLE, '--text', '')).toMatchObject({ code: 0, out: ['Removed the framing paragraph for Civil society.'] })
    expect(await cli('groups', 'preamble', '--group', 'Civil society', '--cycle', CYCLE)).toMatchObject({ code: 0, out: [`Civil society has no framing paragraph in ${CYCLE}.`] })
  })

  it('names what it cannot find, exit 1, and bad usage exit 2', async () => {
    const unknown = await cli('groups', 'preamble', '--group', 'Pirates', '--cycle', CYCLE, '--text', 'x')
    expect(unknown.code).toBe(1)
    expect(unknown.err[0]).toMatch(/^There is no stakeholder group called “Pirates”; the groups are: Government; /)
    expect(await cli('groups', 'preamble', '--group', 'Government', '--cycle', 'Nope', '--text', 'x')).toMatchObject({ code: 1, err: ['There is no reporting cycle called “Nope”.'] })
    expect((await cli('groups', 'preamble', '--cycle', CYCLE)).code).toBe(2)
    expect((await cli('groups', 'rename')).code).toBe(2)
  })
})

describe('summary settings', () => {
  it('shows the settings, and sets the title, introduction and annex', async () => {
    const shown = await cli('summary', 'settings', '--json')
    expect(shown.code).toBe(0)
    const before = JSON.parse(shown.out[0]!) as Record<string, unknown>
    expect(Object.keys(before).sort()).toEqual(['author', 'introduction', 'groupOrder', 'includeAnnex', 'includeCorrespondence', 'footnotes', 'fontFamily', 'fontSizePt', 'marginsMm', 'title'].sort())
    expect(before.includeAnnex).toBe(true)

    const set = await cli('summary', 'settings', '--title', 'Progress in 2021', '--introduction', 'Our *second* review.', '--annex', 'off')
    expect(set.code).toBe(0)
    expect(set.out).toContain('Title: Progress in 2021')
    expect(set.out).toContain('Introduction: Our *second* review.')
    expect(set.out).toContain('Annex: off')
    const after = JSON.parse((await cli('summary', 'settings', '--json')).out[0]!) as Record<string, unknown>
    expect(after).toMatchObject({ title: 'Progress in 2021', introduction: 'Our *second* review.', includeAnnex: false })
    expect((await cli('summary', 'settings', '--annex', 'on')).out).toContain('Annex: on')
  })

  it('refuses a bad value with a sentence', async () => {
    const bad = await cli('summary', 'settings', '--annex', 'maybe')
    expect(bad.code).toBe(2)
    expect(bad.err[0]).toBe('--annex takes on or off, not “maybe”.')
    const blank = await cli('summary', 'settings', '--title', '   ')
    expect(blank.code).toBe(1)
    expect(blank.err[0]).toMatch(/^The export setting title is not valid/)
  })
})

describe('export', () => {
  it('refuses, exit 1, when nothing in the cycle is assessed, unless --allow-empty', async () => {
    // A new cycle copying nothing: no assessment at all (the framing paragraphs are carried over).
    const core = await createCore({ databasePath: db, resourcesDir: RESOURCES_DIR, extraction: 'in-process' })
    const envelope = await core.dispatcher({ chooseSavePath: async () => null })('cycles.create', { name: '2023 progress review', startsOn: '2022-01-01', endsOn: '2023-06-30', copy: 'nothing' })
    await core.close()
    expect(envelope.ok).toBe(true)
    const out = join(scratch.dir, 'empty.docx')
    const refused = await cli('export', '--out', out, '--cycle', '2023 progress review')
    expect(refused).toEqual({ code: 1, out: [], err: ['Nothing is assessed in “2023 progress review”: no recommendation has a written assessment for that cycle, so the summary has no sections. Nothing was written; add --allow-empty to export it anyway.'] })
    expect(existsSync(out)).toBe(false)

    const allowed = await cli('export', '--out', out, '--cycle', '2023 progress review', '--allow-empty')
    expect(allowed.code).toBe(0)
    expect(allowed.err).toEqual(['Warning: Nothing is assessed in “2023 progress review”: no recommendation has a written assessment for that cycle, so the summary has no sections.'])
    expect(existsSync(out)).toBe(true)
    // The new cycle started from the latest cycle's framing paragraphs.
    expect((await cli('groups', 'preamble', '--group', 'Government', '--cycle', '2023 progress review')).out).toEqual([demoPreambles.find((p) => p.group === 'Government')!.text])
  })

  it('never overwrites a file unless --overwrite; a folder gets the usual name, then "(2)"', async () => {
    const out = join(scratch.dir, 'summary.docx')
    writeFileSync(out, 'edited by hand')
    const refused = await cli('export', '--out', out, '--cycle', CYCLE)
    expect(refused).toEqual({ code: 1, out: [], err: [`${out} already exists; add --overwrite to replace it, or choose another name.`] })
    expect(readFileSync(out, 'utf8')).toBe('edited by hand')
    expect((await cli('export', '--out', out, '--cycle', CYCLE, '--overwrite')).code).toBe(0)
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK')

    const folder = join(scratch.dir, 'exports')
    mkdirSync(folder)
    const first = await cli('export', '--out', folder, '--cycle', CYCLE)
    const second = await cli('export', '--out', folder, '--cycle', CYCLE)
    expect(first.out[0]).toMatch(new RegExp(`to ${join(folder, `Progress summary - ${CYCLE}.docx`).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`))
    expect(second.out[0]).toMatch(/Progress summary - 2021 progress review \(2\)\.docx$/)
  })
})
