// The SQL that editing recommendations and reports reads before it writes (the writes go through
// the ChangeRecorder so they can be undone).
import type { Executor } from '../db/database'

export async function recommendationRow(db: Executor, id: number): Promise<{ id: number; report_id: number; number: string } | undefined> {
  return db.selectFrom('recommendations').select(['id', 'report_id', 'number']).where('id', '=', id).executeTakeFirst()
}

/** The words of a recommendation as stored (a stale save's stored value). */
export async function recommendationWords(db: Executor, id: number): Promise<{ number: string; title: string; text: string; theme: string | null } | undefined> {
  return db.selectFrom('recommendations').select(['number', 'title', 'text', 'theme']).where('id', '=', id).executeTakeFirst()
}

/** Recommendations numbered so, in any report (or in one). */
export async function recommendationsNumbered(db: Executor, number: string, reportId?: number): Promise<{ id: number; report_id: number }[]> {
  let query = db.selectFrom('recommendations').select(['id', 'report_id']).where('number', '=', number)
  if (reportId !== undefined) query = query.where('report_id', '=', reportId)
  return query.orderBy('id').execute()
}

export async function lastPositionInReport(db: Executor, reportId: number): Promise<number> {
  const row = await db.selectFrom('recommendations').select((eb) => eb.fn.max('position').as('max')).where('report_id', '=', reportId).executeTakeFirst()
  return row?.max ?? -1
}

export async function addresseeRowsOf(db: Executor, recommendationId: number): Promise<{ id: number; organisation_id: number | null; group_id: number | null }[]> {
  return db.selectFrom('recommendation_addressees').select(['id', 'organisation_id', 'group_id']).where('recommendation_id', '=', recommendationId).orderBy('id').execute()
}

export async function reportRow(db: Executor, id: number): Promise<{ id: number; title: string; year: number | null; reference: string | null } | undefined> {
  return db.selectFrom('reports').select(['id', 'title', 'year', 'reference']).where('id', '=', id).executeTakeFirst()
}

export async function otherReportTitled(db: Executor, title: string, exceptId: number | null): Promise<number | undefined> {
  let query = db.selectFrom('reports').select('id').where('title', '=', title)
  if (exceptId !== null) query = query.where('id', '!=', exceptId)
  return (await query.executeTakeFirst())?.id
}
