// What a store has loaded is kept current by the core's change events (stores/live.ts), so a view
// opened again need not fetch it again: only when nothing is loaded yet, the last load failed, or
// it was loaded for another key (another working cycle, other filters) than the one wanted now.
import type { Ref } from 'vue'
import type { LoadStatus } from './useRequest'

export function useLoadedFor<K>(status: Ref<LoadStatus>, wanted: () => K) {
  let loaded: { key: K } | null = null

  /** Notes the key a load is for: call it as the load starts. */
  function noteLoad() {
    loaded = { key: wanted() }
  }

  /** Whether what is loaded, or loading, is for the key wanted now. */
  function current(): boolean {
    return loaded !== null && loaded.key === wanted() && (status.value === 'ready' || status.value === 'loading')
  }

  return { noteLoad, current }
}
