// Merging a near-duplicate into the letter kept: links, passages, commitments, attachments and
// suggestion refusals move to the kept letter, then the other letter and its original go, all in
// one transaction with an audit row. A passage is found again in the kept text by its quote; if
// the quote is not there, it is kept (so no evidence is lost) but marked 'lost' for a person.
import type { MergeResult } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import type { Trx } from '../db/database'
import { commitmentsOfLetter, deleteLetter, deleteOriginal, hasCommitmentAt, letterToMerge, moveAttachedLetters, moveLinks, moveSuggestionRefusals, passagesOfLetter, placeCommitment, placePassage } from './merge-repository'

export async function mergeLetters(ctx: CoreContext, keepId: number, removeId: number): Promise<MergeResult> {
  if (keepId === removeId) throw new AppError('invalid_input', 'A letter cannot be merged into itself.')
  return ctx.db.transaction().execute(async (trx) => {
    const keep = await letterRow(trx, keepId)
    const remove = await letterRow(trx, removeId)
    const movedLinks = await moveLinks(trx, removeId, keepId)
    const { moved, lost } = await movePassages(trx, removeId, keepId, keep.body_text)
    await moveCommitments(trx, removeId, keepId, keep.body_text)
    await moveSuggestionRefusals(trx, removeId, keepId)
    await moveAttachedLetters(trx, removeId, keepId)
    await deleteLetter(trx, removeId)
    await deleteOriginal(trx, remove.original_sha256)
    await writeAudit(trx, {
      at: ctx.now(),
      actor: ctx.actor,
      action: 'Merged near-duplicate letters',
      entity: 'letter',
      entityId: keepId,
      before: { kept: summary(keep), removed: summary(remove) },
      after: { kept: summary(keep), removedId: removeId, movedLinks: Number(movedLinks), movedPassages: moved, lostPassages: lost },
    })
    return { keptId: keepId, removedId: removeId, movedLinks: Number(movedLinks), movedPassages: moved, lostPassages: lost }
  })
}

async function letterRow(trx: Trx, id: number) {
  const row = await letterToMerge(trx, id)
  if (!row) throw new AppError('not_found', `There is no letter with id ${id}.`)
  return row
}

function summary(row: { id: number; file_name: string; subject: string | null; letter_date: string | null; organisation_id: number | null; original_sha256: string }) {
  return { id: row.id, fileName: row.file_name, subject: row.subject, date: row.letter_date, organisationId: row.organisation_id, sha256: row.original_sha256 }
}

/** Where a quote sits in a text: exactly, else null. */
function locate(text: string, quote: string, hint: number): { start: number; end: number } | null {
  if (!quote) return null
  const near = text.indexOf(quote, Math.max(0, hint - quote.length))
  const index = near >= 0 ? near : text.indexOf(quote)
  return index >= 0 ? { start: index, end: index + quote.length } : null
}

async function movePassages(trx: Trx, fromId: number, toId: number, text: string) {
  const passages = await passagesOfLetter(trx, fromId)
  let lost = 0
  for (const passage of passages) {
    const found = locate(text, passage.quote, passage.start_offset)
    if (!found) lost++
    // A lost passage keeps valid offsets inside the kept text; its quote stays the evidence.
    const start = found?.start ?? Math.min(passage.start_offset, Math.max(0, text.length - 1))
    const end = found?.end ?? Math.max(start + 1, Math.min(passage.end_offset, text.length))
    await placePassage(trx, passage.id, toId, start, end, found ? 'moved' : 'lost')
  }
  return { moved: passages.length, lost }
}

async function moveCommitments(trx: Trx, fromId: number, toId: number, text: string) {
  const commitments = await commitmentsOfLetter(trx, fromId)
  for (const commitment of commitments) {
    const found = locate(text, commitment.text, commitment.start_offset)
    const clash = found && (await hasCommitmentAt(trx, toId, found.start, found.end))
    // The same promise already recorded on the kept letter: the copy goes with the removed letter.
    if (clash) continue
    const start = found?.start ?? Math.min(commitment.start_offset, Math.max(0, text.length - 1))
    const end = found?.end ?? Math.max(start + 1, Math.min(commitment.end_offset, text.length))
    await placeCommitment(trx, commitment.id, toId, start, end)
  }
}
