// Loads the demonstration dataset from resources/demo through the same services a person uses:
// the register and recommendations from CSV, letters through the real import pipeline, then the
// links and assessments written by the secretariat.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../../../shared/api/errors'
import { parseStatus, RESPONSES, type Response } from '../../../shared/domain/status'
import type { CoreContext } from '../context'
import { createCycle, findCycleByName } from '../cycles/cycle-service'
import { importFiles } from '../letters/import-service'
import { parseOrganisationsCsv, upsertOrganisations } from '../organisations/organisation-service'
import { parseRecommendationsCsv, upsertRecommendations } from '../recommendations/recommendation-import'
import { recommendationNumbersOfReport } from '../recommendations/recommendation-repository'
import { setAssessment } from '../cycles/assessment-service'
import { createLink } from '../links/link-service'
import { saveExportSettings } from '../summary/export-settings'
import { setPreamble } from '../summary/preamble-service'
import { listGroups } from '../organisations/groups'
import { letterAndRecommendationCounts } from './demo-repository'

interface DemoLink { letter: string; recommendation: string; quote: string | null; note: string | null }
interface DemoAssessment { cycle: string; recommendation: string; status: string; response: string | null; narrative: string; evidence?: string[] }
interface DemoCycle { name: string; startsOn: string | null; endsOn: string | null }
interface DemoPreamble { group: string; cycle: string; text: string }

export interface DemoSummary {
  organisations: number
  recommendations: number
  letters: number
  links: number
  assessments: number
}

export async function loadDemo(ctx: CoreContext, resourcesDir: string): Promise<DemoSummary> {
  const counts = await letterAndRecommendationCounts(ctx.db)
  if (counts.letters > 0 || counts.recommendations > 0) {
    throw new AppError('conflict', 'This database already holds letters or recommendations; load the demonstration data into an empty database.')
  }
  const dir = join(resourcesDir, 'demo')
  const read = (name: string) => readFile(join(dir, name), 'utf8')
  const json = async <T>(name: string) => JSON.parse(await read(name)) as T

  const organisations = await upsertOrganisations(ctx, parseOrganisationsCsv(await read('organisations.csv')))
  const report = await json<{ title: string; year: number | null; reference: string | null }>('report.json')
  const recommendations = await upsertRecommendations(ctx, parseRecommendationsCsv(await read('recommendations.csv')), report)
  for (const cycle of await json<DemoCycle[]>('cycles.json')) await createCycle(ctx, cycle)

  const letterNames = (await readdir(join(dir, 'letters'))).filter((name) => !name.startsWith('.')).sort()
  const files = await Promise.all(letterNames.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(join(dir, 'letters', name))) })))
  const outcomes = await importFiles(ctx, files, 'demo')
  const letterIds = new Map<string, number>()
  for (const outcome of outcomes) {
    if (outcome.status === 'failed') throw new Error(`demo letter ${outcome.file} failed to import: ${outcome.error}`)
    if (outcome.status === 'cancelled') throw new Error(`demo letter ${outcome.file} was not imported`) // never: nothing cancels the demo
    letterIds.set(outcome.file, outcome.letterId)
  }

  const recommendationIds = new Map((await recommendationNumbersOfReport(ctx.db, recommendations.reportId)).map((r) => [r.number, r.id]))
  const need = <T>(map: Map<string, T>, key: string, what: string): T => {
    const value = map.get(key)
    if (value === undefined) throw new Error(`demo data names an unknown ${what}: ${key}`)
    return value
  }

  const links = await json<DemoLink[]>('links.json')
  // Link ids by letter and recommendation, so assessments can name the evidence they rest on.
  const linkIds = new Map<string, number[]>()
  for (const link of links) {
    const key = `${link.letter}|${link.recommendation}`
    const created = await createLink(ctx, {
      letterId: need(letterIds, link.letter, 'letter'),
      recommendationId: need(recommendationIds, link.recommendation, 'recommendation'),
      quote: link.quote ?? undefined,
      note: link.note ?? undefined,
    })
    linkIds.set(key, [...(linkIds.get(key) ?? []), created.id])
  }

  const assessments = await json<DemoAssessment[]>('assessments.json')
  for (const assessment of assessments) {
    const status = parseStatus(assessment.status)
    if (!status) throw new Error(`demo assessment has an unknown status: ${assessment.status}`)
    const response = RESPONSES.find((r) => r === assessment.response) ?? null
    await setAssessment(ctx, {
      recommendationId: need(recommendationIds, assessment.recommendation, 'recommendation'),
      cycleId: (await findCycleByName(ctx.db, assessment.cycle)).id,
      status,
      response: response as Response | null,
      narrative: assessment.narrative,
      ...(assessment.evidence ? { evidenceLinkIds: assessment.evidence.flatMap((letter) => need(linkIds, `${letter}|${assessment.recommendation}`, 'evidence link')) } : {}),
    })
  }

  // Each group's framing paragraph ("In 2017, we found that…") for the cycle it was written for.
  const groupIds = new Map((await listGroups(ctx.db)).map((g) => [g.name, g.id]))
  for (const preamble of await json<DemoPreamble[]>('preambles.json')) {
    await setPreamble(ctx, { groupId: need(groupIds, preamble.group, 'group'), cycleId: (await findCycleByName(ctx.db, preamble.cycle)).id, text: preamble.text })
  }

  await saveExportSettings(ctx, { groupOrder: await json<string[]>('groups.json'), introduction: (await read('intro.txt')).trim() })
  return { organisations: organisations.created, recommendations: recommendations.created, letters: letterIds.size, links: links.length, assessments: assessments.length }
}
