// The SQL of the letters' bin: which letters go in with a letter (its attachments' letters), what
// the bin holds, and purging for good. Putting a letter in and taking it out are single-column
// updates made through the ChangeRecorder (bin-service.ts), so they can be undone.
import { sql } from 'kysely'
import type { Executor } from '../db/database'

/** The letter's state: in the bin or not, with its attachments' letters (one level, as imported). */
export async function letterWithAttachments(db: Executor, id: number) {
  const letter = await db.selectFrom('letters').select(['id', 'deleted_at', 'direction', 'subject', 'file_name']).where('id', '=', id).executeTakeFirst()
  if (!letter) return null
  const attachments = await db.selectFrom('letters').select(['id', 'deleted_at']).where('parent_letter_id', '=', id).orderBy('id').execute()
  return { letter, attachments }
}

/** Every letter in the bin, most recently deleted first, with the passages and links that went with it. */
export async function binnedLetterRows(db: Executor) {
  return db
    .selectFrom('letters as l')
    .leftJoin('organisations as o', 'o.id', 'l.organisation_id')
    .select([
      'l.id',
      'o.name as organisation',
      'l.letter_date as date',
      'l.subject',
      'l.file_name as fileName',
      'l.direction',
      'l.deleted_at as deletedAt',
      'l.deleted_by as deletedBy',
      sql<number | null>`(SELECT p.id FROM letters p WHERE p.id = l.parent_letter_id AND p.deleted_at = l.deleted_at)`.as('parentLetterId'),
      sql<number>`(SELECT count(*) FROM passages WHERE letter_id = l.id)`.as('passages'),
      sql<number>`(SELECT count(*) FROM links WHERE letter_id = l.id)`.as('links'),
    ])
    .where('l.deleted_at', 'is not', null)
    .orderBy('l.deleted_at', 'desc')
    .orderBy('l.id')
    .execute()
}

export async function binnedLetterIds(db: Executor): Promise<number[]> {
  return (await db.selectFrom('letters').select('id').where('deleted_at', 'is not', null).orderBy('id').execute()).map((r) => r.id)
}

/**
 * Removes a binned letter and everything hanging on it for good. The passages go first, while the
 * letter is still marked as binned, so the passages' full-text trigger knows they are not indexed;
 * links, chosen evidence, commitments, refusals, fingerprints and near-duplicate pairs follow by
 * their foreign keys' ON DELETE CASCADE. Returns the original's hash.
 */
export async function purgeLetterRows(db: Executor, id: number): Promise<string> {
  const { original_sha256 } = await db.selectFrom('letters').select('original_sha256').where('id', '=', id).executeTakeFirstOrThrow()
  await db.deleteFrom('passages').where('letter_id', '=', id).execute()
  await db.deleteFrom('letters').where('id', '=', id).where('deleted_at', 'is not', null).execute()
  return original_sha256
}

/** Removes the original unless a letter still uses it; whether it went. */
export async function deleteOriginalIfUnused(db: Executor, sha256: string): Promise<boolean> {
  const used = await db.selectFrom('letters').select('id').where('original_sha256', '=', sha256).executeTakeFirst()
  if (used) return false
  await db.deleteFrom('originals').where('sha256', '=', sha256).execute()
  return true
}
