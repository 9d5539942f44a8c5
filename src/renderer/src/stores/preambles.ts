// Each stakeholder group's framing paragraph for the chosen cycle ("In 2017, we found that…"),
// printed under the group's heading before the narratives. Saved one group at a time; the list
// is refetched from `changed` events (stores/live.ts), so an undo or a colleague's edit shows.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { GroupPreamble } from '../../../shared/domain/dto'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'
import { catchingStale, type StaleConflict } from '../lib/stale'
import { useCyclesStore } from './cycles'

export const usePreamblesStore = defineStore('preambles', () => {
  const preambles = ref<GroupPreamble[]>([])
  const request = useRequest()
  const saving = useRequest()
  /** A group's save refused because someone saved it first: their text and the person's own. */
  const conflict = ref<(StaleConflict & { groupId: number; mine: string }) | null>(null)

  async function load() {
    const cycleId = useCyclesStore().selectedId
    await request.run(() => api.call('summary.preambles', cycleId === null ? {} : { cycleId }), (value) => (preambles.value = value))
  }

  /** Saves a group's text from `ifVersion`, the version the person started from; a stale save fills `conflict`. */
  async function save(preamble: GroupPreamble, text: string, ifVersion: number): Promise<boolean> {
    if (preamble.text === text) return true
    conflict.value = null
    return saving.run(
      () =>
        catchingStale(
          () => api.call('summary.setPreamble', { groupId: preamble.groupId, cycleId: preamble.cycleId, text, ifVersion }),
          (stale) => (conflict.value = stale && { ...stale, groupId: preamble.groupId, mine: text }),
        ),
      (saved) => (preambles.value = preambles.value.map((p) => (p.groupId === saved.groupId && p.cycleId === saved.cycleId ? saved : p))),
    )
  }

  /** "Use theirs": forgets the refused text and shows what is stored. */
  async function useTheirs() {
    conflict.value = null
    saving.reset()
    await load()
  }

  return { preambles, conflict, load, save, useTheirs, status: request.status, error: request.error, saveStatus: saving.status, saveError: saving.error }
})
