// Saved views: a named search (words, filters, sort) kept in the database, so it travels with the
// data and its backups. Saving under an existing name replaces that view.
import type { SavedView, SearchFilters, SearchSort } from '../../../shared/domain/review-dto'
import { AppError } from '../../../shared/api/errors'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import { ChangeRecorder } from '../history/changes'
import { allSavedViews, savedViewIdByName } from './saved-views-repository'

export async function listSavedViews(ctx: CoreContext): Promise<SavedView[]> {
  const rows = await allSavedViews(ctx.db)
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    query: row.query,
    filters: JSON.parse(row.filters_json) as SearchFilters,
    sort: row.sort,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }))
}

export async function saveView(ctx: CoreContext, input: { name: string; query: string; filters?: SearchFilters | undefined; sort?: SearchSort | undefined }): Promise<SavedView> {
  const name = input.name.trim()
  if (!name) throw new AppError('invalid_input', 'A saved search needs a name.')
  const id = await ctx.db.transaction().execute(async (trx) => {
    const recorder = new ChangeRecorder(trx)
    const values = { query: input.query, filters_json: JSON.stringify(input.filters ?? {}), sort: input.sort ?? 'relevance', updated_at: ctx.now() }
    const existingId = await savedViewIdByName(trx, name)
    const id = existingId ?? (await recorder.insert('saved_views', { name, ...values, created_at: ctx.now() }))
    if (existingId !== undefined) await recorder.update('saved_views', id, { name, ...values })
    await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: existingId !== undefined ? 'Updated saved search' : 'Saved search', entity: 'saved_view', entityId: id, after: { name, query: input.query, filters: input.filters ?? {}, sort: values.sort }, changes: recorder.changes })
    return id
  })
  return (await listSavedViews(ctx)).find((v) => v.id === id)!
}

export async function removeSavedView(ctx: CoreContext, id: number): Promise<{ removed: true }> {
  await ctx.db.transaction().execute(async (trx) => {
    const recorder = new ChangeRecorder(trx)
    const before = await recorder.delete('saved_views', id)
    if (!before) throw new AppError('not_found', `There is no saved search with id ${id}; it may have been removed already.`)
    await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: 'Removed saved search', entity: 'saved_view', entityId: id, before, changes: recorder.changes })
  })
  return { removed: true }
}
