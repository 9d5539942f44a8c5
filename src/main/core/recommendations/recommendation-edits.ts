// Adding and editing recommendations and reports by hand. Every row written goes through a
// ChangeRecorder, so each edit is one audited change that undo takes back exactly.
import type { Report } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import type { Trx } from '../db/database'
import { ChangeRecorder } from '../history/changes'
import { claimVersion } from '../history/versions'
import { resolveAddressees } from './recommendation-import'
import { addresseeRowsOf, lastPositionInReport, otherReportTitled, recommendationRow, recommendationsNumbered, recommendationWords, reportRow } from './recommendation-edit-repository'
import { allReportIds } from './report-repository'

export interface NewRecommendation {
  reportId?: number | undefined
  number: string
  title?: string | undefined
  text: string
  addressees?: readonly string[] | undefined
  theme?: string | null | undefined
}

export interface RecommendationEdit {
  id?: number | undefined
  number?: string | undefined
  reportId?: number | undefined
  newNumber?: string | undefined
  title?: string | undefined
  text?: string | undefined
  theme?: string | null | undefined
  addressees?: readonly string[] | undefined
  addAddressees?: readonly string[] | undefined
  /** The version the person started from; see history/versions.ts. */
  ifVersion?: number | undefined
}

const clean = (value: string) => value.trim().replace(/[ \t]+/g, ' ')

async function theReport(trx: Trx, reportId: number | undefined): Promise<number> {
  if (reportId !== undefined) {
    if (!(await reportRow(trx, reportId))) throw new AppError('not_found', `There is no report with id ${reportId}.`)
    return reportId
  }
  const reports = await allReportIds(trx)
  if (reports.length === 1) return reports[0]!
  if (reports.length === 0) throw new AppError('invalid_input', 'There is no report yet; add the report before its recommendations.')
  throw new AppError('invalid_input', 'There are several reports; say which one the recommendation belongs to.')
}

async function refuseTakenNumber(trx: Trx, reportId: number, number: string, exceptId: number | null): Promise<void> {
  const taken = (await recommendationsNumbered(trx, number, reportId)).some((r) => r.id !== exceptId)
  if (taken) throw new AppError('conflict', `The report already has a recommendation ${number}.`)
}

export async function createRecommendation(ctx: CoreContext, input: NewRecommendation): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const recorder = new ChangeRecorder(trx)
    const reportId = await theReport(trx, input.reportId)
    const number = clean(input.number)
    const text = input.text.trim()
    if (!number) throw new AppError('invalid_input', 'A recommendation needs a number.')
    if (!text) throw new AppError('invalid_input', `Recommendation ${number} needs its text.`)
    await refuseTakenNumber(trx, reportId, number, null)
    const addressees = await resolveAddressees(trx, { number, addressees: [...(input.addressees ?? [])] })
    const id = await recorder.insert('recommendations', {
      report_id: reportId,
      number,
      title: clean(input.title ?? '') || text.slice(0, 60),
      text,
      theme: input.theme?.trim() || null,
      position: (await lastPositionInReport(trx, reportId)) + 1,
    })
    for (const addressee of unique(addressees)) await recorder.insert('recommendation_addressees', { recommendation_id: id, ...addressee })
    await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: 'Added recommendation', entity: 'recommendation', entityId: id, after: input, changes: recorder.changes })
    return id
  })
}

export async function updateRecommendation(ctx: CoreContext, edit: RecommendationEdit): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const recorder = new ChangeRecorder(trx)
    const current = await findRecommendation(trx, edit)
    const subject = { what: `recommendation ${current.number}`, current: async () => (await recommendationWords(trx, current.id)) ?? null }
    await claimVersion(recorder, 'recommendations', current.id, { by: ctx.actor, at: ctx.now() }, edit.ifVersion, subject)
    const set: { number?: string; title?: string; text?: string; theme?: string | null } = {}
    if (edit.newNumber !== undefined) {
      set.number = clean(edit.newNumber)
      await refuseTakenNumber(trx, current.report_id, set.number, current.id)
    }
    if (edit.title !== undefined) set.title = clean(edit.title)
    if (edit.text !== undefined) set.text = edit.text.trim()
    if (edit.theme !== undefined) set.theme = edit.theme?.trim() || null
    if (set.number === '' || set.title === '' || set.text === '') throw new AppError('invalid_input', `Recommendation ${current.number} needs a number, a title and its text; none can be blank.`)
    await recorder.update('recommendations', current.id, set)

    if (edit.addressees !== undefined || edit.addAddressees !== undefined) {
      const existing = await addresseeRowsOf(trx, current.id)
      const wanted = unique([
        ...(edit.addressees === undefined ? existing.map(({ organisation_id, group_id }) => ({ organisation_id, group_id })) : await resolveAddressees(trx, { number: current.number, addressees: [...edit.addressees] })),
        ...(await resolveAddressees(trx, { number: current.number, addressees: [...(edit.addAddressees ?? [])] })),
      ])
      const key = (a: { organisation_id: number | null; group_id: number | null }) => `${a.organisation_id ?? ''}:${a.group_id ?? ''}`
      const wantedKeys = new Set(wanted.map(key))
      for (const row of existing) if (!wantedKeys.has(key(row))) await recorder.delete('recommendation_addressees', row.id)
      const existingKeys = new Set(existing.map(key))
      for (const addressee of wanted) if (!existingKeys.has(key(addressee))) await recorder.insert('recommendation_addressees', { recommendation_id: current.id, ...addressee })
    }
    if (recorder.changes.length > 0) {
      await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: 'Edited recommendation', entity: 'recommendation', entityId: current.id, before: { number: current.number }, after: edit, changes: recorder.changes })
    }
    return current.id
  })
}

async function findRecommendation(trx: Trx, edit: RecommendationEdit): Promise<{ id: number; report_id: number; number: string }> {
  if (edit.id !== undefined) {
    const row = await recommendationRow(trx, edit.id)
    if (!row) throw new AppError('not_found', `There is no recommendation with id ${edit.id}.`)
    return row
  }
  if (edit.number === undefined) throw new AppError('invalid_input', 'Say which recommendation to edit, by its id or its number.')
  const matches = await recommendationsNumbered(trx, clean(edit.number), edit.reportId)
  if (matches.length === 0) throw new AppError('not_found', `There is no recommendation ${edit.number}.`)
  if (matches.length > 1) throw new AppError('invalid_input', `Several reports have a recommendation ${edit.number}; say which report.`)
  return (await recommendationRow(trx, matches[0]!.id))!
}

function unique<T extends { organisation_id: number | null; group_id: number | null }>(items: readonly T[]): T[] {
  const seen = new Set<string>()
  return items.filter((a) => {
    const key = `${a.organisation_id ?? ''}:${a.group_id ?? ''}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export interface ReportEdit {
  title?: string | undefined
  year?: number | null | undefined
  reference?: string | null | undefined
}

export async function createReport(ctx: CoreContext, input: ReportEdit & { title: string }): Promise<Report> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const recorder = new ChangeRecorder(trx)
    const title = clean(input.title)
    if (!title) throw new AppError('invalid_input', 'A report needs a title.')
    if ((await otherReportTitled(trx, title, null)) !== undefined) throw new AppError('conflict', `There is already a report titled “${title}”.`)
    const id = await recorder.insert('reports', { title, year: input.year ?? null, reference: input.reference?.trim() || null, created_at: ctx.now() })
    await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: 'Added report', entity: 'report', entityId: id, after: input, changes: recorder.changes })
    return id
  })
  return (await reportRow(ctx.db, id))!
}

export async function updateReport(ctx: CoreContext, id: number, edit: ReportEdit): Promise<Report> {
  await ctx.db.transaction().execute(async (trx) => {
    const recorder = new ChangeRecorder(trx)
    const report = await reportRow(trx, id)
    if (!report) throw new AppError('not_found', `There is no report with id ${id}.`)
    const set: { title?: string; year?: number | null; reference?: string | null } = {}
    if (edit.title !== undefined) {
      set.title = clean(edit.title)
      if (!set.title) throw new AppError('invalid_input', 'A report needs a title.')
      if ((await otherReportTitled(trx, set.title, id)) !== undefined) throw new AppError('conflict', `There is already a report titled “${set.title}”.`)
    }
    if (edit.year !== undefined) set.year = edit.year
    if (edit.reference !== undefined) set.reference = edit.reference?.trim() || null
    await recorder.update('reports', id, set)
    if (recorder.changes.length > 0) await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: 'Edited report', entity: 'report', entityId: id, before: report, after: edit, changes: recorder.changes })
  })
  return (await reportRow(ctx.db, id))!
}
