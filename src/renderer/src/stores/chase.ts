// Who has replied in the working cycle: every addressee of a recommendation, with when the
// committee last wrote to it and whether its reply is overdue. The organisations register shows
// it as columns, and as a filter (the chase list: those still to reply).
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ChaseEntry } from '../../../shared/domain/review-dto'
import { api } from '../api'
import { useLoadedFor } from '../composables/useLoadedFor'
import { useRequest } from '../composables/useRequest'
import { useCyclesStore } from './cycles'

export const useChaseStore = defineStore('chase', () => {
  const entries = ref<ChaseEntry[]>([])
  const request = useRequest()
  const freshness = useLoadedFor(request.status, () => useCyclesStore().selectedId)

  const byOrganisation = computed(() => new Map(entries.value.map((entry) => [entry.organisationId, entry])))
  const awaiting = computed(() => entries.value.filter((entry) => !entry.repliedThisCycle))

  async function load() {
    const cycleId = useCyclesStore().selectedId
    freshness.noteLoad()
    await request.run(
      () => api.call('chase.list', { includeReplied: true, ...(cycleId === null ? {} : { cycleId }) }),
      (value) => (entries.value = value),
    )
  }

  /** Loads unless what is loaded is for the working cycle (change events keep it current). */
  async function ensureLoaded() {
    if (!freshness.current()) await load()
  }

  return { entries, byOrganisation, awaiting, status: request.status, error: request.error, load, ensureLoaded }
})
