// No lost updates and readers who only read (issue 14): every versioned entity refuses a save based
// on a stale version with who and when, accepts a fresh one, and lets exactly one of two
// simultaneous savers win; racing links make one link; a reader's writes are refused. Runs on
// SQLite and on PostgreSQL (node scripts/test-postgres.cjs), where the racing calls really overlap.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Envelope, StaleDetails } from '../../src/shared/api/errors'
import type { Dispatch } from '../../src/main/core/rpc/dispatch'
import { addLetter, seedDemoRegister } from '../support/review-support'
import { countOf, valueOf } from '../support/raw-sql'
import { createTestCore, type TestCore } from '../support/test-core'

let core: TestCore
// Two people at two desktops: each call goes through the dispatcher as one of them.
let priya: Dispatch, sam: Dispatch
// What the tests edit: recommendation 1 in the 2021 cycle, one letter, a group and an organisation.
let recommendationId: number, cycleId: number, letterId: number, groupId: number, organisationId: number

const LETTER = 'The Home Office will consult on a new offence of intimidating candidates before the next election.'

beforeEach(async () => {
  core = await createTestCore()
  const seed = await seedDemoRegister(core)
  recommendationId = seed.byNumber('1')
  cycleId = seed.cycles.y2021
  letterId = await addLetter(core, { text: LETTER, organisation: 'Home Office', date: '2021-03-01', subject: 'Consultation' })
  groupId = Number(await valueOf(core, 'SELECT min(id) FROM stakeholder_groups'))
  organisationId = Number(await valueOf(core, "SELECT id FROM organisations WHERE name = 'Home Office'"))
  priya = core.dispatcher({} as never, { actor: 'Priya Shah' })
  sam = core.dispatcher({} as never, { actor: 'Sam Okoro' })
})
afterEach(() => core.dispose())

async function value<T = unknown>(call: Promise<Envelope<unknown>>): Promise<T> {
  const envelope = await call
  if (!envelope.ok) throw new Error(`expected success, got ${envelope.error.code}: ${envelope.error.message}`)
  return envelope.value as T
}

async function refusal(call: Promise<Envelope<unknown>>) {
  const envelope = await call
  if (envelope.ok) throw new Error('expected a refusal, got success')
  return envelope.error
}

interface Versioned {
  what: string
  /** The version a person opening the editor would see. */
  load(as: Dispatch): Promise<number>
  save(as: Dispatch, text: string, ifVersion: number): Promise<Envelope<unknown>>
  /** The saved text in a save's answer, or in a refusal's stored value. */
  textOf(value: unknown): string
  /** The text stored now. */
  stored(): Promise<string>
}

const ENTITIES: Record<string, Versioned> = {
  assessment: {
    what: 'this assessment',
    load: async (as) => (await value<{ assessments: { cycleId: number; version: number }[] }>(as('recommendations.get', { id: recommendationId }))).assessments.find((a) => a.cycleId === cycleId)!.version,
    save: (as, text, ifVersion) => as('assessments.set', { recommendationId, cycleId, status: 'In progress', narrative: text, ifVersion }),
    textOf: (v) => (v as { narrative: string }).narrative,
    stored: async () => String(await valueOf(core, 'SELECT narrative FROM assessments WHERE recommendation_id = ? AND cycle_id = ?', recommendationId, cycleId)),
  },
  'letter details': {
    what: 'this letter’s details',
    load: async (as) => (await value<{ version: number }>(as('letters.get', { id: letterId }))).version,
    save: (as, text, ifVersion) => as('letters.update', { id: letterId, subject: text, ifVersion }),
    textOf: (v) => (v as { subject: string }).subject,
    stored: async () => String(await valueOf(core, 'SELECT subject FROM letters WHERE id = ?', letterId)),
  },
  'framing paragraph': {
    what: 'the framing paragraph for',
    load: async (as) => (await value<{ groupId: number; version: number }[]>(as('summary.preambles', { cycleId }))).find((p) => p.groupId === groupId)!.version,
    save: (as, text, ifVersion) => as('summary.setPreamble', { groupId, cycleId, text, ifVersion }),
    textOf: (v) => (v as { text: string }).text,
    stored: async () => String(await valueOf(core, 'SELECT text FROM group_preambles WHERE group_id = ? AND cycle_id = ?', groupId, cycleId)),
  },
  organisation: {
    what: 'the register entry for',
    load: async (as) => (await value<{ id: number; version: number }[]>(as('organisations.list', {}))).find((o) => o.id === organisationId)!.version,
    save: (as, text, ifVersion) => as('organisations.update', { id: organisationId, name: text, ifVersion }),
    textOf: (v) => (v as { name: string }).name,
    stored: async () => String(await valueOf(core, 'SELECT name FROM organisations WHERE id = ?', organisationId)),
  },
  recommendation: {
    what: 'recommendation 1',
    load: async (as) => (await value<{ version: number }>(as('recommendations.get', { id: recommendationId }))).version,
    save: (as, text, ifVersion) => as('recommendations.update', { id: recommendationId, text, ifVersion }),
    textOf: (v) => (v as { text: string }).text,
    stored: async () => String(await valueOf(core, 'SELECT text FROM recommendations WHERE id = ?', recommendationId)),
  },
}

describe.each(Object.entries(ENTITIES))('%s', (_name, entity) => {
  it('accepts a save from the version stored, and moves the version on by one', async () => {
    const opened = await entity.load(priya)
    expect(entity.textOf(await value(entity.save(priya, 'Priya’s words', opened)))).toBe('Priya’s words')
    expect(await entity.load(sam)).toBe(opened + 1)
    await value(entity.save(sam, 'Sam’s words', opened + 1))
    expect(await entity.load(priya)).toBe(opened + 2)
    expect(await entity.stored()).toBe('Sam’s words')
  })

  it('refuses a save from a version someone has replaced, naming who and when, with the stored text', async () => {
    const opened = await entity.load(priya)
    await value(entity.save(sam, 'Sam’s words', opened))
    const error = await refusal(entity.save(priya, 'Priya’s words', opened))
    expect(error.code).toBe('stale')
    expect(error.message).toMatch(new RegExp(`^Sam Okoro changed ${entity.what}.* at \\d\\d:\\d\\d on 1 July 2021 after you opened it\\.$`))
    const details = error.details as StaleDetails
    expect(details).toMatchObject({ version: opened + 1, updatedBy: 'Sam Okoro', updatedAt: '2021-07-01T09:30:00.000Z' })
    expect(entity.textOf(details.current)).toBe('Sam’s words')
    expect(await entity.stored()).toBe('Sam’s words')
    // "Keep mine": saving again against the version now stored goes through.
    await value(entity.save(priya, 'Priya’s words', details.version))
    expect(await entity.stored()).toBe('Priya’s words')
  })

  it('lets exactly one of two simultaneous saves from the same version win', async () => {
    const opened = await entity.load(priya)
    const results = await Promise.all([entity.save(priya, 'Priya’s words', opened), entity.save(sam, 'Sam’s words', opened)])
    const winners = results.filter((r) => r.ok)
    const losers = results.filter((r) => !r.ok)
    expect(winners).toHaveLength(1)
    expect(losers.map((r) => !r.ok && r.error.code)).toEqual(['stale'])
    expect(await entity.stored()).toBe(entity.textOf((winners[0] as { value: unknown }).value))
    expect(await entity.load(priya)).toBe(opened + 1)
  })
})

describe('versions and undo', () => {
  it('moves the version on when a save is undone, so a save from the undone version is stale', async () => {
    const first = await value<{ version: number }>(priya('assessments.set', { recommendationId, cycleId, status: 'In progress', narrative: 'First.', ifVersion: 0 }))
    const second = await value<{ version: number }>(priya('assessments.set', { recommendationId, cycleId, status: 'Implemented', narrative: 'Second.', ifVersion: first.version }))
    expect(await value(priya('history.undo', {}))).toMatchObject({ applied: 'Assessed recommendation' })
    expect(await ENTITIES.assessment!.stored()).toBe('First.')
    expect(await ENTITIES.assessment!.load(sam)).toBeGreaterThan(second.version)
    expect((await refusal(sam('assessments.set', { recommendationId, cycleId, status: 'Implemented', narrative: 'Sam.', ifVersion: second.version }))).code).toBe('stale')
  })
})

describe('one link, however many people make it at once', () => {
  it('links the same words to the same recommendation once when two people do it at the same moment', async () => {
    const link = (as: Dispatch) => as('links.create', { letterId, recommendationId, quote: 'a new offence of intimidating candidates' })
    const results = await Promise.all([link(priya), link(sam)])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const error = results.find((r) => !r.ok)
    expect(error && !error.ok && error.error).toMatchObject({ code: 'conflict', message: 'This passage is already linked to recommendation 1.' })
    expect(await countOf(core, 'links')).toBe(1)
    expect(await countOf(core, 'passages')).toBe(1)
  })

  it('links a whole letter once when two people do it at the same moment', async () => {
    const results = await Promise.all([priya('links.create', { letterId, recommendationId }), sam('links.create', { letterId, recommendationId })])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(await countOf(core, 'links')).toBe(1)
  })

  it('refuses a second identical link at the database even when the check before it is skipped', async () => {
    await value(priya('links.create', { letterId, recommendationId }))
    const insert = () => valueOf(core, "INSERT INTO links (letter_id, passage_id, recommendation_id, note, created_by, created_at) VALUES (?, NULL, ?, NULL, 'x', 'now') RETURNING id", letterId, recommendationId)
    await expect(insert()).rejects.toThrow()
    expect(await countOf(core, 'links')).toBe(1)
  })
})

describe('roles', () => {
  it('makes everyone an editor while no roles are set', async () => {
    expect(await value(priya('people.list', {}))).toEqual([])
    await value(sam('links.create', { letterId, recommendationId }))
  })

  it('refuses every write from a reader with a sentence, changes nothing, and still lets them read', async () => {
    expect(await value(priya('people.setRole', { name: 'Sam Okoro', role: 'reader' }))).toEqual([{ name: 'Sam Okoro', role: 'reader' }])
    const audits = await countOf(core, 'audit_log')
    for (const attempt of [
      sam('links.create', { letterId, recommendationId }),
      sam('assessments.set', { recommendationId, cycleId, status: 'Implemented', narrative: 'Done.' }),
      sam('letters.update', { id: letterId, subject: 'Changed' }),
      sam('people.setRole', { name: 'Sam Okoro', role: 'editor' }),
      sam('history.undo', {}),
    ]) {
      expect(await refusal(attempt)).toEqual({ code: 'forbidden', message: 'Sam Okoro is a reader of this archive, so nothing was changed; ask an editor to make the change, or to make you an editor.' })
    }
    expect(await countOf(core, 'links')).toBe(0)
    expect(await countOf(core, 'assessments')).toBe(0)
    expect(await countOf(core, 'audit_log')).toBe(audits)
    expect(await value<{ subject: string }>(sam('letters.get', { id: letterId }))).toMatchObject({ subject: 'Consultation' })
    // Priya, not named, is an editor; forgetting Sam makes Sam one again.
    await value(priya('people.setRole', { name: 'sam okoro', role: null }))
    await value(sam('links.create', { letterId, recommendationId }))
  })
})
