// The working cycle's dashboard: per stakeholder group, where the statuses stand and what needs
// doing (letters to link, evidence to find, replies to chase, promises falling due).
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Dashboard } from '../../../shared/domain/review-dto'
import { api } from '../api'
import { useLoadedFor } from '../composables/useLoadedFor'
import { useRequest } from '../composables/useRequest'
import { useCyclesStore } from './cycles'

export const useDashboardStore = defineStore('dashboard', () => {
  const dashboard = ref<Dashboard | null>(null)
  const request = useRequest()
  const freshness = useLoadedFor(request.status, () => useCyclesStore().selectedId)

  async function load() {
    const cycleId = useCyclesStore().selectedId
    freshness.noteLoad()
    await request.run(() => api.call('dashboard.get', cycleId === null ? {} : { cycleId }), (value) => (dashboard.value = value))
  }

  /** Loads unless what is loaded is for the working cycle (change events keep it current). */
  async function ensureLoaded() {
    if (!freshness.current()) await load()
  }

  return { dashboard, status: request.status, error: request.error, load, ensureLoaded }
})
