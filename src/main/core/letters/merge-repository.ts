// The SQL of merging a near-duplicate into the letter kept: moving what hangs off a letter (links,
// passages, commitments, suggestion refusals, attached letters) and removing the letter and its
// original. merge-letters.ts decides where passages go and owns the transaction and the audit row.
import type { Executor } from '../db/database'

/** What the merge needs of a letter, and what its audit row records (a letter in the bin is not merged). */
export async function letterToMerge(db: Executor, id: number) {
  return db
    .selectFrom('letters')
    .select(['id', 'file_name', 'subject', 'letter_date', 'organisation_id', 'original_sha256', 'body_text'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}

/** Moves every link of one letter to the other; how many moved. */
export async function moveLinks(db: Executor, fromId: number, toId: number): Promise<bigint> {
  return (await db.updateTable('links').set({ letter_id: toId }).where('letter_id', '=', fromId).executeTakeFirst()).numUpdatedRows
}

export async function passagesOfLetter(db: Executor, letterId: number) {
  return db.selectFrom('passages').select(['id', 'start_offset', 'end_offset', 'quote']).where('letter_id', '=', letterId).execute()
}

/** Puts the passage on the letter at these offsets, marked 'moved' (its quote found) or 'lost'. */
export async function placePassage(db: Executor, id: number, letterId: number, start: number, end: number, anchor: 'moved' | 'lost'): Promise<void> {
  await db.updateTable('passages').set({ letter_id: letterId, start_offset: start, end_offset: end, anchor }).where('id', '=', id).execute()
}

export async function commitmentsOfLetter(db: Executor, letterId: number) {
  return db.selectFrom('commitments').select(['id', 'start_offset', 'end_offset', 'text']).where('letter_id', '=', letterId).execute()
}

/** Whether the letter already has a commitment at exactly these offsets. */
export async function hasCommitmentAt(db: Executor, letterId: number, start: number, end: number): Promise<boolean> {
  return (await db.selectFrom('commitments').select('id').where('letter_id', '=', letterId).where('start_offset', '=', start).where('end_offset', '=', end).executeTakeFirst()) !== undefined
}

export async function placeCommitment(db: Executor, id: number, letterId: number, start: number, end: number): Promise<void> {
  await db.updateTable('commitments').set({ letter_id: letterId, start_offset: start, end_offset: end }).where('id', '=', id).execute()
}

/** Moves the suggestion refusals the kept letter does not already have (the rest go with the letter). */
export async function moveSuggestionRefusals(db: Executor, fromId: number, toId: number): Promise<void> {
  await db
    .updateTable('suggestion_rejections')
    .set({ letter_id: toId })
    .where('letter_id', '=', fromId)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('suggestion_rejections as s').select('s.id').where('s.letter_id', '=', toId).whereRef('s.recommendation_id', '=', 'suggestion_rejections.recommendation_id'))))
    .execute()
}

/** The letters attached to one letter become attached to the other. */
export async function moveAttachedLetters(db: Executor, fromId: number, toId: number): Promise<void> {
  await db.updateTable('letters').set({ parent_letter_id: toId }).where('parent_letter_id', '=', fromId).execute()
}

export async function deleteLetter(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('letters').where('id', '=', id).execute()
}

export async function deleteOriginal(db: Executor, sha256: string): Promise<void> {
  await db.deleteFrom('originals').where('sha256', '=', sha256).execute()
}
