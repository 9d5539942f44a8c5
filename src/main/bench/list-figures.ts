// The letters list's paging, called as the Letters view calls it (through the dispatcher): the
// first page, and a deep page reached by following the cursor about halfway down the archive
// (keyset paging: the deep page should cost what the first does).
import type { Core } from '../core/create-core'
import { noHost } from '../core/rpc/host'
import type { LetterPage } from '../../shared/domain/dto'
import { spread, timeMs, type Spread } from './measure'

export interface ListFigures {
  firstPage: Spread
  deepPage: Spread
}

export async function measureListPages(core: Core, letters: number, trials: number): Promise<ListFigures> {
  const dispatch = core.dispatcher(noHost)
  const page = async (cursor?: string): Promise<LetterPage> => {
    const envelope = await dispatch('letters.list', cursor === undefined ? {} : { cursor })
    if (!envelope.ok) throw new Error(`letters.list failed: ${envelope.error.message}`)
    return envelope.value as LetterPage
  }
  // Walk (untimed) to the page halfway down, keeping the cursor that opens it.
  let deepCursor: string | undefined
  let seen = 0
  for (let current = await page(); current.nextCursor !== null && seen + current.rows.length < letters / 2; current = await page(current.nextCursor)) {
    seen += current.rows.length
    deepCursor = current.nextCursor
  }
  const repeats = 20
  const time = async (cursor?: string) => {
    await page(cursor)
    const medians: number[] = []
    for (let trial = 0; trial < trials; trial++) {
      const times: number[] = []
      for (let i = 0; i < repeats; i++) times.push(await timeMs(() => page(cursor)))
      medians.push(spread(times).median)
    }
    return spread(medians)
  }
  return { firstPage: await time(), deepPage: await time(deepCursor) }
}
