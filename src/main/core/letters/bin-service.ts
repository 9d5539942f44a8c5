// The letters' bin. Deleting puts a letter (and the letters that came attached to it) in the bin:
// one column, `deleted_at`, set through the ChangeRecorder, so Undo and "Restore from bin" bring
// back exactly what was there — its passages, links and the evidence they were chosen as never
// move. Purging removes a binned letter and its original for good; it cannot be undone, so the
// app asks first. Every step is audited.
import type { BinnedLetter } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import type { Executor } from '../db/database'
import { cleanDisplayName } from '../files/file-names'
import { ChangeRecorder } from '../history/changes'
import { binnedLetterIds, binnedLetterRows, deleteOriginalIfUnused, letterWithAttachments, purgeLetterRows } from './bin-repository'

export async function requireFamily(db: Executor, id: number) {
  const family = await letterWithAttachments(db, id)
  if (!family) throw new AppError('not_found', `There is no letter with id ${id}.`)
  return family
}

function describe(letter: { id: number; subject: string | null; file_name: string }): string {
  return letter.subject?.trim() || cleanDisplayName(letter.file_name, `letter ${letter.id}`)
}

/** Puts the letter and its attachments' letters in the bin; the ids binned. */
export async function deleteLetterToBin(ctx: CoreContext, id: number): Promise<{ deleted: number[] }> {
  return ctx.db.transaction().execute(async (trx) => {
    const { letter, attachments } = await requireFamily(trx, id)
    if (letter.deleted_at !== null) throw new AppError('conflict', `Letter ${id} is already in the bin.`)
    const recorder = new ChangeRecorder(trx)
    const at = ctx.now()
    const ids = [id, ...attachments.filter((a) => a.deleted_at === null).map((a) => a.id)]
    for (const letterId of ids) await recorder.update('letters', letterId, { deleted_at: at, deleted_by: ctx.actor })
    await writeAudit(trx, {
      at,
      actor: ctx.actor,
      action: 'Deleted letter to the bin',
      entity: 'letter',
      entityId: id,
      before: { letter: describe(letter) },
      after: { inBin: ids },
      changes: recorder.changes,
    })
    return { deleted: ids }
  })
}

/** Takes the letter out of the bin, with the attachments' letters that went in with it. */
export async function restoreLetterFromBin(ctx: CoreContext, id: number): Promise<{ restored: number[] }> {
  return ctx.db.transaction().execute(async (trx) => {
    const { letter, attachments } = await requireFamily(trx, id)
    if (letter.deleted_at === null) throw new AppError('conflict', `Letter ${id} is not in the bin.`)
    const recorder = new ChangeRecorder(trx)
    const ids = [id, ...attachments.filter((a) => a.deleted_at === letter.deleted_at).map((a) => a.id)]
    for (const letterId of ids) await recorder.update('letters', letterId, { deleted_at: null, deleted_by: null })
    await writeAudit(trx, {
      at: ctx.now(),
      actor: ctx.actor,
      action: 'Restored letter from the bin',
      entity: 'letter',
      entityId: id,
      before: { inBin: ids },
      after: { letter: describe(letter) },
      changes: recorder.changes,
    })
    return { restored: ids }
  })
}

export async function listBin(ctx: CoreContext): Promise<BinnedLetter[]> {
  const rows = await binnedLetterRows(ctx.db)
  return rows.map((row) => ({ ...row, fileName: cleanDisplayName(row.fileName, 'unnamed file'), deletedAt: row.deletedAt!, passages: Number(row.passages), links: Number(row.links) }))
}

/** Removes binned letters and their originals for good (not undoable: the app asks first). */
async function purge(ctx: CoreContext, ids: number[], action: string, entityId: number | null): Promise<{ purged: number[] }> {
  return ctx.db.transaction().execute(async (trx) => {
    const originals: string[] = []
    for (const id of ids) originals.push(await purgeLetterRows(trx, id))
    let originalsRemoved = 0
    for (const sha256 of originals) if (await deleteOriginalIfUnused(trx, sha256)) originalsRemoved++
    await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action, entity: 'letter', entityId, before: { inBin: ids }, after: { purged: ids, originalsRemoved } })
    return { purged: ids }
  })
}

/** Purges one binned letter with the attachments' letters that went into the bin with it. */
export async function purgeLetter(ctx: CoreContext, id: number): Promise<{ purged: number[] }> {
  const { letter, attachments } = await requireFamily(ctx.db, id)
  if (letter.deleted_at === null) throw new AppError('conflict', `Letter ${id} is not in the bin; delete it first, then purge it from the bin.`)
  const ids = [id, ...attachments.filter((a) => a.deleted_at === letter.deleted_at).map((a) => a.id)]
  return purge(ctx, ids, 'Purged letter from the bin', id)
}

export async function emptyBin(ctx: CoreContext): Promise<{ purged: number[] }> {
  const ids = await binnedLetterIds(ctx.db)
  if (ids.length === 0) return { purged: [] }
  return purge(ctx, ids, 'Emptied the bin', null)
}
