// Review-workspace tests need letters with a known sender, date and text. They are written
// straight into the tables (as the importer would leave them), so that these tests measure the
// review features and not the importer's inference, which has tests of its own.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createCycle } from '../../src/main/core/cycles/cycle-service'
import { parseOrganisationsCsv, upsertOrganisations } from '../../src/main/core/organisations/organisation-service'
import { parseRecommendationsCsv, upsertRecommendations } from '../../src/main/core/recommendations/recommendation-import'
import { rowsOf, runSql, valueOf } from './raw-sql'
import { RESOURCES_DIR, type TestCore } from './test-core'

export interface LetterSeed {
  text: string
  /** Organisation name as in the register, or null for an unknown sender. */
  organisation?: string | null
  date?: string | null
  subject?: string | null
  direction?: 'incoming' | 'outgoing'
  format?: string
}

let counter = 0

export async function addLetter(core: TestCore, seed: LetterSeed): Promise<number> {
  const organisationId = seed.organisation ? await valueOf<number>(core, 'SELECT id FROM organisations WHERE name = ?', seed.organisation) : null
  if (seed.organisation && organisationId === undefined) throw new Error(`no organisation ${seed.organisation} in the test register`)
  const bytes = Buffer.from(`${seed.text}\u0000${++counter}`)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  await runSql(core, 'INSERT INTO originals (sha256, size, bytes) VALUES (?, ?, ?)', sha256, bytes.length, bytes)
  return Number(
    await valueOf(
      core,
      `INSERT INTO letters (original_sha256, file_name, format, direction, organisation_id, letter_date, subject, body_text, imported_at, import_method)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2021-07-01T09:30:00.000Z', 'cli') RETURNING id`,
      sha256, `letter-${counter}.txt`, seed.format ?? 'txt', seed.direction ?? 'incoming', organisationId ?? null, seed.date ?? null, seed.subject ?? null, seed.text,
    ),
  )
}

/** The demonstration register and recommendations, and the demo's two cycles, without letters. */
export async function seedDemoRegister(core: TestCore): Promise<{ byNumber: (n: string) => number; cycles: { y2019: number; y2021: number } }> {
  const demo = (name: string) => readFileSync(join(RESOURCES_DIR, 'demo', name), 'utf8')
  await upsertOrganisations(core.ctx, parseOrganisationsCsv(demo('organisations.csv')))
  await upsertRecommendations(core.ctx, parseRecommendationsCsv(demo('recommendations.csv')), { title: 'Intimidation in public life', year: 2017 })
  const y2019 = await createCycle(core.ctx, { name: '2019 progress review', startsOn: '2019-01-01', endsOn: '2019-12-31' })
  const y2021 = await createCycle(core.ctx, { name: '2021 progress review', startsOn: '2020-06-01', endsOn: '2021-06-30' })
  const ids = new Map((await rowsOf<{ number: string; id: number }>(core, 'SELECT number, id FROM recommendations')).map((r) => [r.number, r.id]))
  return {
    byNumber: (n) => {
      const id = ids.get(n)
      if (id === undefined) throw new Error(`no recommendation ${n}`)
      return id
    },
    cycles: { y2019, y2021 },
  }
}
