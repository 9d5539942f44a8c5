// Imports a person may cancel while they run. The caller names its import (`importId`, a random
// id it chose); `letters.cancelImport` marks the name, and the import asks before each file it
// would store. A cancel may overtake the call it cancels (both are in flight at once), so a name
// is remembered whether or not its import has started; only the latest few are kept.
import type { Cancelled } from './import-types'

const REMEMBERED = 64

export interface ImportCancellations {
  cancel(importId: string): void
  /** What an import by this name asks before each file; never cancelled without a name. */
  check(importId: string | undefined): Cancelled
}

export function importCancellations(): ImportCancellations {
  const cancelled = new Set<string>()
  return {
    cancel(importId) {
      cancelled.delete(importId)
      cancelled.add(importId)
      // A Set keeps insertion order: the oldest name is the first.
      if (cancelled.size > REMEMBERED) cancelled.delete(cancelled.values().next().value!)
    },
    check(importId) {
      return importId === undefined ? () => false : () => cancelled.has(importId)
    },
  }
}
