// Links between letters (or passages of them) and recommendations: the evidence of progress.
import type { LinkView } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'

export interface LinkInput {
  letterId: number
  recommendationId: number
  quote?: string | undefined
  note?: string | undefined
}

export async function createLink(ctx: CoreContext, input: LinkInput): Promise<LinkView> {
  const linkId = await ctx.db.transaction().execute(async (trx) => {
    const letter = await trx.selectFrom('letters').select(['id', 'body_text']).where('id', '=', input.letterId).executeTakeFirst()
    if (!letter) throw new AppError('not_found', `There is no letter with id ${input.letterId}.`)
    const recommendation = await trx.selectFrom('recommendations').select('id').where('id', '=', input.recommendationId).executeTakeFirst()
    if (!recommendation) throw new AppError('not_found', `There is no recommendation with id ${input.recommendationId}.`)

    let passageId: number | null = null
    const quote = input.quote?.trim()
    if (quote) {
      const start = letter.body_text.indexOf(quote)
      if (start < 0) throw new AppError('invalid_input', 'The quoted passage is not in the text of that letter; select the words in the letter and try again.')
      passageId = (
        await trx
          .insertInto('passages')
          .values({ letter_id: letter.id, start_offset: start, end_offset: start + quote.length, quote, created_at: ctx.now() })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    }
    const values = { letter_id: letter.id, passage_id: passageId, recommendation_id: recommendation.id, note: input.note?.trim() || null, created_by: ctx.actor, created_at: ctx.now() }
    const { id } = await trx.insertInto('links').values(values).returning('id').executeTakeFirstOrThrow()
    await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: 'Linked letter', entity: 'link', entityId: id, after: { ...values, quote: quote ?? null } })
    return id
  })
  const link = (await listLinksForLetter(ctx, input.letterId)).find((l) => l.id === linkId)
  if (!link) throw new Error(`link ${linkId} vanished after commit`)
  return link
}

export async function removeLink(ctx: CoreContext, id: number): Promise<{ removed: true }> {
  await ctx.db.transaction().execute(async (trx) => {
    const link = await trx.selectFrom('links').selectAll().where('id', '=', id).executeTakeFirst()
    if (!link) throw new AppError('not_found', `There is no link with id ${id}; it may have been removed already.`)
    await trx.deleteFrom('links').where('id', '=', id).execute()
    if (link.passage_id !== null) {
      const stillUsed = await trx.selectFrom('links').select('id').where('passage_id', '=', link.passage_id).executeTakeFirst()
      if (!stillUsed) await trx.deleteFrom('passages').where('id', '=', link.passage_id).execute()
    }
    await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: 'Removed link', entity: 'link', entityId: id, before: link })
  })
  return { removed: true }
}

export async function listLinksForLetter(ctx: CoreContext, letterId: number): Promise<LinkView[]> {
  return ctx.db
    .selectFrom('links as k')
    .innerJoin('recommendations as r', 'r.id', 'k.recommendation_id')
    .leftJoin('passages as p', 'p.id', 'k.passage_id')
    .select([
      'k.id',
      'k.letter_id as letterId',
      'k.recommendation_id as recommendationId',
      'r.number as recommendationNumber',
      'r.title as recommendationTitle',
      'p.quote',
      'k.note',
      'k.created_at as createdAt',
    ])
    .where('k.letter_id', '=', letterId)
    .orderBy('r.position')
    .orderBy('k.id')
    .execute()
}
