// Commitments: dated promises offered from letters' text, accepted (open) or dismissed by a
// person, then tracked until marked met or missed. An open commitment past its due date is
// flagged overdue; deciding whether it was met stays a person's call.
import type { CommitmentOffer, CommitmentStatus, CommitmentView } from '../../../shared/domain/review-dto'
import { AppError } from '../../../shared/api/errors'
import { formatLongDate } from '../../../shared/domain/dates'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import { retryOnUniqueViolation } from '../db/unique-violation'
import { resolveCycle } from '../cycles/cycle-service'
import { ChangeRecorder } from '../history/changes'
import { todayOf } from '../shared/iso-dates'
import * as commitments from './commitment-repository'
import { findCommitments } from './find-commitments'

async function letterFor(ctx: CoreContext, letterId: number) {
  const letter = await commitments.findLetterWithOrganisation(ctx.db, letterId)
  if (!letter) throw new AppError('not_found', `There is no letter with id ${letterId}.`)
  return letter
}

/** Offers not yet accepted or dismissed, for one letter or every incoming letter dated in a cycle. */
export async function commitmentOffers(ctx: CoreContext, input: { letterId?: number | undefined; cycleId?: number | undefined }): Promise<CommitmentOffer[]> {
  let letterIds: number[]
  if (input.letterId !== undefined) {
    letterIds = [(await letterFor(ctx, input.letterId)).id]
  } else {
    const cycle = await resolveCycle(ctx.db, input.cycleId)
    if (!cycle) return []
    letterIds = await commitments.incomingLetterIdsDated(ctx.db, { from: cycle.startsOn, to: cycle.endsOn })
  }
  const offers: CommitmentOffer[] = []
  for (const letterId of letterIds) offers.push(...(await offersForLetter(ctx, letterId)))
  return offers
}

async function offersForLetter(ctx: CoreContext, letterId: number): Promise<CommitmentOffer[]> {
  const letter = await letterFor(ctx, letterId)
  const decided = await commitments.decidedSpansOfLetter(ctx.db, letterId)
  const links = await commitments.linkedRecommendationsWithPlaces(ctx.db, letterId)
  const wholeLetter = links.filter((l) => l.start_offset === null)
  return findCommitments(letter.body_text, letter.letter_date)
    .filter((found) => !decided.some((d) => d.start_offset < found.end && found.start < d.end_offset))
    .map((found) => {
      // The recommendation a linked passage around the promise speaks to; else the letter's only one.
      const around = links.find((l) => l.start_offset !== null && l.start_offset < found.end && found.start < l.end_offset!)
      const recommendation = around ?? (wholeLetter.length === 1 ? wholeLetter[0] : undefined)
      return {
        letterId,
        organisation: letter.organisation,
        letterDate: letter.letter_date,
        start: found.start,
        end: found.end,
        text: found.text,
        dueOn: found.dueOn,
        dueText: found.dueText,
        recommendationId: recommendation?.id ?? null,
        recommendationNumber: recommendation?.number ?? null,
      }
    })
}

export interface AcceptCommitmentInput {
  letterId: number
  start: number
  end: number
  dueOn: string
  dueText?: string | undefined
  recommendationId?: number | null | undefined
  note?: string | undefined
}

export async function acceptCommitment(ctx: CoreContext, input: AcceptCommitmentInput): Promise<CommitmentView> {
  return decide(ctx, input, 'open')
}

/** Remembers a dismissed offer so it is not offered again. */
export async function dismissCommitment(ctx: CoreContext, input: { letterId: number; start: number; end: number }): Promise<{ dismissed: true }> {
  const letter = await letterFor(ctx, input.letterId)
  const found = findCommitments(letter.body_text, letter.letter_date).find((f) => f.start < input.end && input.start < f.end)
  await decide(ctx, { ...input, dueOn: found?.dueOn ?? '', dueText: found?.dueText ?? '' }, 'dismissed')
  return { dismissed: true }
}

async function decide(ctx: CoreContext, input: AcceptCommitmentInput, status: CommitmentStatus): Promise<CommitmentView> {
  const id = await retryOnUniqueViolation(() =>
    ctx.db.transaction().execute(async (trx) => {
      const letter = await commitments.findLetterText(trx, input.letterId)
      if (!letter) throw new AppError('not_found', `There is no letter with id ${input.letterId}.`)
      if (input.start < 0 || input.end > letter.body_text.length || input.start >= input.end) throw new AppError('invalid_input', `The words ${input.start}–${input.end} are outside the letter's text; choose the promise again.`)
      if (input.recommendationId != null && !(await commitments.recommendationExists(trx, input.recommendationId))) {
        throw new AppError('not_found', `There is no recommendation with id ${input.recommendationId}.`)
      }
      const recorder = new ChangeRecorder(trx)
      const existing = await commitments.findCommitmentAt(trx, input.letterId, input.start, input.end)
      const values = {
        text: letter.body_text.slice(input.start, input.end).trim(),
        due_on: input.dueOn,
        due_text: input.dueText?.trim() || (input.dueOn ? `by ${formatLongDate(input.dueOn)}` : ''),
        recommendation_id: input.recommendationId ?? null,
        status,
        note: input.note?.trim() || null,
        updated_at: ctx.now(),
      }
      let id: number
      if (existing) {
        id = existing.id
        await recorder.update('commitments', id, values)
      } else {
        id = await recorder.insert('commitments', { letter_id: input.letterId, start_offset: input.start, end_offset: input.end, ...values, created_by: ctx.actor, created_at: ctx.now() })
      }
      await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: status === 'dismissed' ? 'Dismissed commitment' : 'Accepted commitment', entity: 'commitment', entityId: id, before: existing ?? null, after: values, changes: recorder.changes })
      return id
    }),
  )
  return getCommitment(ctx, id)
}

export async function setCommitmentStatus(ctx: CoreContext, input: { id: number; status: CommitmentStatus; note?: string | undefined }): Promise<CommitmentView> {
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await commitments.findCommitment(trx, input.id)
    if (!existing) throw new AppError('not_found', `There is no commitment with id ${input.id}.`)
    const recorder = new ChangeRecorder(trx)
    const set = { status: input.status, updated_at: ctx.now(), ...(input.note !== undefined ? { note: input.note.trim() || null } : {}) }
    await recorder.update('commitments', input.id, set)
    const label = { open: 'Reopened commitment', met: 'Marked commitment met', missed: 'Marked commitment missed', dismissed: 'Dismissed commitment' }[input.status]
    await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: label, entity: 'commitment', entityId: input.id, before: existing, after: set, changes: recorder.changes })
  })
  return getCommitment(ctx, input.id)
}

export interface CommitmentFilter {
  /** Due within the cycle's dates, and any still open from before it. */
  cycleId?: number | undefined
  status?: CommitmentStatus | undefined
  letterId?: number | undefined
  organisationId?: number | undefined
  /** Internal: one commitment, whatever its status. */
  id?: number | undefined
}

export async function listCommitments(ctx: CoreContext, filter: CommitmentFilter = {}): Promise<CommitmentView[]> {
  // Within a cycle: due by its end, and due since its start or still open from before it.
  const cycle = filter.cycleId !== undefined ? await resolveCycle(ctx.db, filter.cycleId) : null
  const today = todayOf(ctx.now())
  const rows = await commitments.commitmentRows(ctx.db, {
    id: filter.id,
    status: filter.status,
    letterId: filter.letterId,
    organisationId: filter.organisationId,
    dueBy: cycle?.endsOn,
    dueFromOrOpen: cycle?.startsOn,
  })
  return rows.map((row) => ({ ...row, overdue: row.status === 'open' && row.dueOn !== '' && row.dueOn < today }))
}

async function getCommitment(ctx: CoreContext, id: number): Promise<CommitmentView> {
  const [row] = await listCommitments(ctx, { id })
  if (!row) throw new Error(`commitment ${id} vanished after commit`)
  return row
}
