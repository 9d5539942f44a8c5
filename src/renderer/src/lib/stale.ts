// A save refused because someone else saved first (the core's `stale` error): the sentence saying
// who and when, and what is stored now, for the conflict view to set beside the person's own text.
import { ApiCallError } from '../../../shared/api/client'
import type { StaleDetails } from '../../../shared/api/errors'

export interface StaleConflict extends StaleDetails {
  message: string
}

/** The conflict a failed save carries, or null when it failed for another reason. */
export function staleConflictOf(error: unknown): StaleConflict | null {
  if (!(error instanceof ApiCallError) || error.code !== 'stale') return null
  const details = error.error.details as StaleDetails | undefined
  if (!details || typeof details.version !== 'number') return null
  return { message: error.message, ...details }
}

/** Runs a save; when it is refused as stale, hands the conflict to `onStale` (null for any other failure) and fails as before. */
export async function catchingStale<T>(save: () => Promise<T>, onStale: (conflict: StaleConflict | null) => void): Promise<T> {
  try {
    return await save()
  } catch (error) {
    onStale(staleConflictOf(error))
    throw error
  }
}
