// The bin commands' exact forms and output (issue 12): other tools call them and parse --json.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/run-cli'
import { addLetter, seedDemoRegister } from '../../support/review-support'
import { createTestCore, type TestCore } from '../../support/test-core'

let scratch: TestCore
let db: string
let letterId: number
let otherId: number

beforeEach(async () => {
  scratch = await createTestCore()
  await seedDemoRegister(scratch)
  letterId = await addLetter(scratch, { text: 'Labour Party\n\nOur code now covers intimidation.', organisation: 'Labour Party', date: '2021-04-12', subject: 'Code of conduct' })
  otherId = await addLetter(scratch, { text: 'Conservative Party\n\nWe keep our code under review.', organisation: 'Conservative Party', date: '2021-03-01', subject: 'Review' })
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

async function bin() {
  const listed = await cli('letters', 'bin', '--json')
  expect(listed).toMatchObject({ code: 0, err: [] })
  expect(listed.out).toHaveLength(1)
  return JSON.parse(listed.out[0]!) as Record<string, unknown>[]
}

const listedIds = async () => (JSON.parse((await cli('letters', 'list', '--json')).out[0]!) as { id: number }[]).map((l) => l.id)

describe('letters bin commands', () => {
  it('delete moves a letter to the bin, bin --json lists it with exactly the agreed keys, restore brings it back', async () => {
    expect(await bin()).toEqual([])
    expect(await cli('letters', 'delete', '--letter', String(letterId))).toEqual({ code: 0, out: [`Moved letter ${letterId} to the bin.`], err: [] })
    const binned = await bin()
    expect(binned).toHaveLength(1)
    expect(Object.keys(binned[0]!)).toEqual(['id', 'organisation', 'date', 'subject', 'fileName', 'direction', 'deletedAt', 'deletedBy', 'parentLetterId', 'passages', 'links'])
    expect(binned[0]).toMatchObject({ id: letterId, organisation: 'Labour Party', date: '2021-04-12', subject: 'Code of conduct', direction: 'incoming', parentLetterId: null, passages: 0, links: 0 })
    expect(await listedIds()).toEqual([otherId])

    expect(await cli('letters', 'restore', '--letter', String(letterId))).toEqual({ code: 0, out: [`Restored letter ${letterId} from the bin.`], err: [] })
    expect(await bin()).toEqual([])
    expect(await listedIds()).toEqual([letterId, otherId])
  })

  it('purge removes a binned letter for good and refuses one outside the bin', async () => {
    expect(await cli('letters', 'purge', '--letter', String(otherId))).toEqual({
      code: 1,
      out: [],
      err: [`Letter ${otherId} is not in the bin; delete it first, then purge it from the bin.`],
    })
    await cli('letters', 'delete', '--letter', String(otherId))
    expect(await cli('letters', 'purge', '--letter', String(otherId))).toEqual({ code: 0, out: [`Purged letter ${otherId} for good.`], err: [] })
    expect(await bin()).toEqual([])
    expect(await listedIds()).toEqual([letterId])
    expect((await cli('letters', 'restore', '--letter', String(otherId))).err).toEqual([`There is no letter with id ${otherId}.`])
  })

  it('says what is wrong with a missing or malformed --letter', async () => {
    expect(await cli('letters', 'delete')).toMatchObject({ code: 2, err: ['This command needs --letter ID.', expect.any(String)] })
    expect((await cli('letters', 'delete', '--letter', 'seven')).err[0]).toBe('--letter needs a letter’s id (a whole number), not “seven”.')
  })
})
