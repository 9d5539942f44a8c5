// `letters.importGroup`: a long import sent one group at a time, with the next group already on
// its way while the current one is stored. Each group is read (parsed by the reader threads) as
// soon as it arrives, but stored only after every group that arrived before it: so letters are
// stored in the order they were sent, and each near-duplicate check sees every letter before it,
// just as in one importGroups run.
import type { ImportOutcome } from '../../../shared/domain/dto'
import type { CoreContext } from '../context'
import { importGroups, type IncomingFile } from './import-service'
import type { ImportMethod } from './import-types'

export type ImportGroup = (files: IncomingFile[], method: ImportMethod) => Promise<ImportOutcome[]>

export function orderedGroupImport(ctx: CoreContext): ImportGroup {
  /** Settles when the group that arrived last has been stored (or has failed). */
  let lastStored: Promise<void> = Promise.resolve()
  return async (files, method) => {
    const turn = lastStored
    let stored!: () => void
    lastStored = new Promise((resolve) => (stored = resolve))
    try {
      const outcomes: ImportOutcome[] = []
      // importGroups asks for the next group once the current one is read and before storing it:
      // asking is where this group waits for its turn.
      for await (const done of importGroups(ctx, waitingForTurn(files, turn), method)) outcomes.push(...done.outcomes)
      return outcomes
    } finally {
      stored()
    }
  }
}

async function* waitingForTurn(files: IncomingFile[], turn: Promise<void>): AsyncGenerator<IncomingFile[]> {
  yield files
  await turn
}
