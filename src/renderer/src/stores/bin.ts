// The letters' bin: what it holds, and restoring or purging. The lists elsewhere follow from the
// core's change events (stores/live.ts), including this store's own list.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { BinnedLetter } from '../../../shared/domain/dto'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'
import { useNoticesStore } from './notices'

export const useBinStore = defineStore('bin', () => {
  const items = ref<BinnedLetter[]>([])
  const request = useRequest()
  const changing = useRequest()

  async function load() {
    await request.run(() => api.call('letters.bin', {}), (value) => (items.value = value))
  }

  async function restore(letter: BinnedLetter) {
    await changing.run(
      () => api.call('letters.restore', { id: letter.id }),
      ({ restored }) => useNoticesStore().push(`Restored “${letter.subject ?? letter.fileName}”${restored.length > 1 ? ` and ${restored.length - 1} attached letter(s)` : ''}.`, 'success'),
    )
  }

  async function emptyBin() {
    await changing.run(
      () => api.call('letters.emptyBin', {}),
      ({ purged }) => useNoticesStore().push(`Emptied the bin: ${purged.length} ${purged.length === 1 ? 'letter' : 'letters'} removed for good.`, 'success'),
    )
  }

  return { items, status: request.status, error: request.error, changeStatus: changing.status, changeError: changing.error, load, restore, emptyBin }
})
