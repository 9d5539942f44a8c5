// What the multi-client figure works on in the bench's archive: the demonstration register's
// recommendations (imported through the dispatcher as a person would), a cycle of its own, and
// the newest letters' first page.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Core } from '../core/create-core'
import { noHost } from '../core/rpc/host'
import type { Envelope } from '../../shared/api/errors'
import type { LetterPage } from '../../shared/domain/dto'

export interface MultiClientTargets {
  recommendationIds: number[]
  cycleId: number
  letterIds: number[]
}

export async function prepareMultiClient(core: Core, resourcesDir: string): Promise<MultiClientTargets> {
  const dispatch = core.dispatcher(noHost)
  const value = async <T>(call: Promise<Envelope<unknown>>, what: string): Promise<T> => {
    const envelope = await call
    if (!envelope.ok) throw new Error(`${what} failed: ${envelope.error.message}`)
    return envelope.value as T
  }
  await value(dispatch('recommendations.importCsv', { csv: readFileSync(join(resourcesDir, 'demo', 'recommendations.csv'), 'utf8') }), 'Importing the recommendations')
  const recommendations = await value<{ id: number }[]>(dispatch('recommendations.list', {}), 'Listing the recommendations')
  const cycle = await value<{ id: number }>(dispatch('cycles.create', { name: `Multi-client bench ${new Date().toISOString()}`, startsOn: null, endsOn: null }), 'Creating a cycle')
  const letters = await value<LetterPage>(dispatch('letters.list', {}), 'Listing the letters')
  return { recommendationIds: recommendations.map((r) => r.id), cycleId: cycle.id, letterIds: letters.rows.map((r) => r.id) }
}
