// The SQL of the stored originals (the files as they were imported, keyed by SHA-256).
import type { Executor } from '../db/database'
import { streamRows } from '../db/dialect/streaming'

export interface StoredOriginal {
  sha256: string
  size: number
  bytes: Uint8Array
}

/** Every stored original, one at a time (an archive's originals do not fit in memory at once). */
export function streamOriginals(db: Executor): AsyncIterableIterator<StoredOriginal> {
  return streamRows(
    db,
    () => db.selectFrom('originals').select(['sha256', 'size', 'bytes']).stream(),
    (after: string | null, limit) => db.selectFrom('originals').select(['sha256', 'size', 'bytes']).where('sha256', '>', after ?? '').orderBy('sha256').limit(limit).execute(),
    (row) => row.sha256,
  )
}

/** How many stored originals belong to no letter. */
export async function countOrphanOriginals(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('originals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sha256', 'not in', (eb) => eb.selectFrom('letters').select('original_sha256'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
