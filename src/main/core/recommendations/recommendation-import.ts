// Imports recommendations from CSV (number,title,text,addressees,theme), upserting by number.
import type { Transaction } from 'kysely'
import { AppError } from '../../../shared/api/errors'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import { readCsv, splitList } from '../csv/read-csv'
import type { Database } from '../db/schema'
import type { UpsertSummary } from '../organisations/organisation-service'
import { groupIdByName, organisationIdByNameOrAlias } from '../organisations/organisation-repository'
import {
  clearAddressees,
  insertAddressee,
  insertRecommendation,
  recommendationCountInReport,
  recommendationIdByNumber,
  updateRecommendation,
} from './recommendation-repository'
import { resolveReport, type ReportInput } from './report-service'

export interface RecommendationInput {
  number: string
  title: string
  text: string
  addressees: string[]
  theme: string | null
}

export function parseRecommendationsCsv(text: string): RecommendationInput[] {
  const seen = new Set<string>()
  return readCsv(text, ['number', 'title', 'text', 'addressees', 'theme'], 'recommendations').map((row, index) => {
    const number = row.number ?? ''
    if (!number) throw new AppError('invalid_input', `Row ${index + 2} of the recommendations file has no number.`)
    if (seen.has(number)) throw new AppError('invalid_input', `Recommendation ${number} appears twice in the recommendations file.`)
    seen.add(number)
    if (!row.text) throw new AppError('invalid_input', `Recommendation ${number} has no text.`)
    return { number, title: row.title || row.text.slice(0, 60), text: row.text, addressees: splitList(row.addressees), theme: row.theme || null }
  })
}

export async function upsertRecommendations(ctx: CoreContext, inputs: RecommendationInput[], report: ReportInput | null): Promise<UpsertSummary & { reportId: number }> {
  const summary = { created: 0, updated: 0, reportId: 0 }
  await ctx.db.transaction().execute(async (trx) => {
    const reportId = await resolveReport(ctx, trx, report)
    summary.reportId = reportId
    let position = await recommendationCountInReport(trx, reportId)
    for (const input of inputs) {
      const addressees = await resolveAddressees(trx, input)
      const existing = await recommendationIdByNumber(trx, reportId, input.number)
      const values = { title: input.title, text: input.text, theme: input.theme }
      let id: number
      if (existing !== undefined) {
        id = existing
        await updateRecommendation(trx, id, values)
        await clearAddressees(trx, id)
        summary.updated++
      } else {
        id = await insertRecommendation(trx, { ...values, report_id: reportId, number: input.number, position: position++ })
        summary.created++
      }
      for (const addressee of addressees) await insertAddressee(trx, id, addressee)
      await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: existing !== undefined ? 'Updated recommendation' : 'Added recommendation', entity: 'recommendation', entityId: id, after: input })
    }
  })
  return summary
}

/** Each addressee names an organisation (or one of its aliases) or a whole stakeholder group. */
export async function resolveAddressees(trx: Transaction<Database>, input: Pick<RecommendationInput, 'number' | 'addressees'>) {
  const resolved: { organisation_id: number | null; group_id: number | null }[] = []
  for (const name of input.addressees) {
    const organisation = await organisationIdByNameOrAlias(trx, name)
    if (organisation !== undefined) {
      resolved.push({ organisation_id: organisation, group_id: null })
      continue
    }
    const group = await groupIdByName(trx, name)
    if (group === undefined) throw new AppError('invalid_input', `Recommendation ${input.number} is addressed to “${name}”, which is neither an organisation in the register nor a stakeholder group. Import the organisations first or correct the name.`)
    resolved.push({ organisation_id: null, group_id: group })
  }
  return resolved
}
