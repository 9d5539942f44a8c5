// The demonstration loader's SQL: whether the archive is empty enough to load into.
import type { Executor } from '../db/database'

/** How many letters and recommendations the archive holds, in one query. */
export async function letterAndRecommendationCounts(db: Executor): Promise<{ letters: number; recommendations: number }> {
  const counts = await db
    .selectFrom('letters')
    .select((eb) => [eb.fn.countAll<number>().as('letters'), eb.selectFrom('recommendations').select((e) => e.fn.countAll<number>().as('n')).as('recommendations')])
    .executeTakeFirstOrThrow()
  return { letters: counts.letters, recommendations: Number(counts.recommendations) }
}
