// Search and suggestions, called the way the app calls them (through the dispatcher), so the
// figures include validation and result shaping. Null when the core has no such method.
import type { Core } from '../core/create-core'
import { noHost } from '../core/rpc/host'

export async function searchProbe(core: Core): Promise<((query: string) => Promise<unknown>) | null> {
  const dispatch = core.dispatcher(noHost)
  if (!('search.query' in core.handlers)) return null
  return async (query) => {
    const envelope = await dispatch('search.query', { query, pageSize: 50 })
    if (!envelope.ok) throw new Error(`search failed for ${query}: ${envelope.error.message}`)
    return envelope.value
  }
}

export async function suggestProbe(core: Core): Promise<((letterId: number) => Promise<unknown>) | null> {
  const dispatch = core.dispatcher(noHost)
  if (!('suggestions.forLetter' in core.handlers)) return null
  return async (letterId) => {
    const envelope = await dispatch('suggestions.forLetter', { letterId })
    if (!envelope.ok) throw new Error(`suggestions failed for letter ${letterId}: ${envelope.error.message}`)
    return envelope.value
  }
}
