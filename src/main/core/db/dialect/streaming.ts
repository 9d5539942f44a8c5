// Reading many large rows one at a time (every original, to check its hash) without holding them
// all. SQLite steps through one statement (Kysely's stream()); Kysely streams from PostgreSQL only
// through the pg-cursor package, so there the rows are read in pages by key instead: each page a
// short query, and memory bounded by one page.
import type { Executor } from '../database'
import { engineOf } from './engine'

/** Rows a page holds on PostgreSQL: few, as a row may be a 50 MB original. */
export const STREAM_PAGE_ROWS = 8

export function streamRows<R, K>(
  db: Executor,
  whole: () => AsyncIterableIterator<R>,
  pageAfter: (key: K | null, limit: number) => Promise<R[]>,
  keyOf: (row: R) => K,
): AsyncIterableIterator<R> {
  if (engineOf(db) !== 'postgres') return whole()
  return (async function* pages() {
    let key: K | null = null
    for (;;) {
      const rows = await pageAfter(key, STREAM_PAGE_ROWS)
      yield* rows
      if (rows.length < STREAM_PAGE_ROWS) return
      key = keyOf(rows.at(-1)!)
    }
  })()
}
