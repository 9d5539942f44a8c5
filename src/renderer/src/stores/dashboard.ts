// The working cycle's dashboard: per stakeholder group, where the statuses stand and what needs
// doing (letters to link, evidence to find, replies to chase, promises falling due).
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Dashboard } from '../../../shared/domain/review-dto'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'
import { useCyclesStore } from './cycles'

export const useDashboardStore = defineStore('dashboard', () => {
  const dashboard = ref<Dashboard | null>(null)
  const request = useRequest()

  async function load() {
    const cycleId = useCyclesStore().selectedId
    await request.run(() => api.call('dashboard.get', cycleId === null ? {} : { cycleId }), (value) => (dashboard.value = value))
  }

  return { dashboard, status: request.status, error: request.error, load }
})
