// The committee's reports: the SQL behind listing them and finding or adding the one
// recommendations are imported into.
import type { Report } from '../../../shared/domain/dto'
import type { Executor } from '../db/database'

export async function reportsInOrder(db: Executor): Promise<Report[]> {
  return db.selectFrom('reports').select(['id', 'title', 'year', 'reference']).orderBy('id').execute()
}

export async function reportIdByTitle(db: Executor, title: string): Promise<number | undefined> {
  return (await db.selectFrom('reports').select('id').where('title', '=', title).executeTakeFirst())?.id
}

export async function allReportIds(db: Executor): Promise<number[]> {
  return (await db.selectFrom('reports').select('id').execute()).map((r) => r.id)
}

export interface ReportValues {
  title: string
  year: number | null
  reference: string | null
  created_at: string
}

export async function insertReport(db: Executor, values: ReportValues): Promise<number> {
  return (await db.insertInto('reports').values(values).returning('id').executeTakeFirstOrThrow()).id
}
