// The committee's reports: listing them, and the one a register of recommendations is imported into.
import type { Transaction } from 'kysely'
import type { Report } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import type { Db } from '../db/database'
import type { Database } from '../db/schema'
import { allReportIds, insertReport, reportIdByTitle, reportsInOrder } from './report-repository'

export async function listReports(db: Db): Promise<Report[]> {
  return reportsInOrder(db)
}

export interface ReportInput {
  title: string
  year?: number | null
  reference?: string | null
}

/**
 * The report recommendations are imported into: the one titled so (created if missing), or
 * without a title the only report there is, or a new one titled "Report".
 */
export async function resolveReport(ctx: CoreContext, trx: Transaction<Database>, input: ReportInput | null): Promise<number> {
  if (input) {
    const existing = await reportIdByTitle(trx, input.title)
    if (existing !== undefined) return existing
    return createReport(ctx, trx, input)
  }
  const reports = await allReportIds(trx)
  if (reports.length === 1 && reports[0] !== undefined) return reports[0]
  if (reports.length > 1) throw new AppError('invalid_input', 'There are several reports; say which one with --report TITLE.')
  return createReport(ctx, trx, { title: 'Report' })
}

async function createReport(ctx: CoreContext, trx: Transaction<Database>, input: ReportInput): Promise<number> {
  const values = { title: input.title, year: input.year ?? null, reference: input.reference ?? null, created_at: ctx.now() }
  const id = await insertReport(trx, values)
  await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: 'Added report', entity: 'report', entityId: id, after: values })
  return id
}
