// A letter's stored original, with the name and format it was imported under.
import type { Executor } from '../db/database'

export interface LetterOriginalRow {
  file_name: string
  format: string
  bytes: Uint8Array
}

export async function findOriginalOfLetter(db: Executor, letterId: number): Promise<LetterOriginalRow | undefined> {
  return db
    .selectFrom('letters as l')
    .innerJoin('originals as o', 'o.sha256', 'l.original_sha256')
    .select(['l.file_name', 'l.format', 'o.bytes'])
    .where('l.id', '=', letterId)
    .executeTakeFirst()
}
