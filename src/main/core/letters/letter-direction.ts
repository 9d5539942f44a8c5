// Marking a letter as one the committee received (incoming) or sent (outgoing). Outgoing letters
// are the committee's own: the chase list counts them as "written to", and they are never evidence.
import type { LetterDetail, LetterDirection } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import { ChangeRecorder } from '../history/changes'
import { requireFamily } from './bin-service'
import { getLetter } from './letter-queries'

/** Marks a letter as one the committee received (incoming) or sent (outgoing). */
export async function setLetterDirection(ctx: CoreContext, id: number, direction: LetterDirection): Promise<LetterDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const { letter } = await requireFamily(trx, id)
    if (letter.deleted_at !== null) throw new AppError('conflict', `Letter ${id} is in the bin; restore it before changing it.`)
    if (letter.direction === direction) return
    const recorder = new ChangeRecorder(trx)
    await recorder.update('letters', id, { direction })
    await writeAudit(trx, {
      at: ctx.now(),
      actor: ctx.actor,
      action: direction === 'outgoing' ? 'Marked letter as outgoing' : 'Marked letter as incoming',
      entity: 'letter',
      entityId: id,
      before: { direction: letter.direction },
      after: { direction },
      changes: recorder.changes,
    })
  })
  return getLetter(ctx, id)
}
