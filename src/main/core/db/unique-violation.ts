// Uniqueness is kept by the database's constraints, not by looking before inserting: two desktops
// can both look, find nothing and insert. The loser's insert fails with a unique violation; the
// service runs its transaction once more, and this time sees the winner's row and acts on it as if
// it had come second (refuses a duplicate link, treats an existing assessment as stale …).

/** True for a unique (or primary key) violation from either engine. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}

/** Runs `work` (one whole transaction) again once when a concurrent writer took the same unique key first. */
export async function retryOnUniqueViolation<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    return work()
  }
}
