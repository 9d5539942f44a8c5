// Each stakeholder group's framing paragraph for the chosen cycle ("In 2017, we found that…"),
// printed under the group's heading before the narratives. Saved one group at a time; the list
// is refetched from `changed` events (stores/live.ts), so an undo or a colleague's edit shows.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { GroupPreamble } from '../../../shared/domain/dto'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'
import { useCyclesStore } from './cycles'

export const usePreamblesStore = defineStore('preambles', () => {
  const preambles = ref<GroupPreamble[]>([])
  const request = useRequest()
  const saving = useRequest()

  async function load() {
    const cycleId = useCyclesStore().selectedId
    await request.run(() => api.call('summary.preambles', cycleId === null ? {} : { cycleId }), (value) => (preambles.value = value))
  }

  async function save(preamble: GroupPreamble, text: string): Promise<boolean> {
    if (preamble.text === text) return true
    return saving.run(
      () => api.call('summary.setPreamble', { groupId: preamble.groupId, cycleId: preamble.cycleId, text, ifVersion: preamble.version }),
      (saved) => (preambles.value = preambles.value.map((p) => (p.groupId === saved.groupId && p.cycleId === saved.cycleId ? saved : p))),
    )
  }

  return { preambles, load, save, status: request.status, error: request.error, saveStatus: saving.status, saveError: saving.error }
})
