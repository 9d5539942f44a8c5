// The recommendations table for the working cycle, with its group, status and word filters.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { RecommendationSummary } from '../../../shared/domain/dto'
import type { Status } from '../../../shared/domain/status'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'
import { useCyclesStore } from './cycles'
import { useOrganisationsStore } from './organisations'

export const useRecommendationsStore = defineStore('recommendations', () => {
  const items = ref<RecommendationSummary[]>([])
  const request = useRequest()
  const group = ref<string | null>(null)
  const status = ref<Status | null>(null)
  const search = ref('')
  /** The cycle the latest load asked for; undefined before the first load. */
  const cycleId = ref<number | null | undefined>(undefined)

  const visible = computed(() => {
    const groupOf = useOrganisationsStore().groupOf
    const words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean)
    return items.value.filter((recommendation) => {
      if (status.value && recommendation.status !== status.value) return false
      // A recommendation concerns a group when it names the group itself or one of its members.
      if (group.value && !recommendation.addressees.some((a) => (a.kind === 'group' ? a.name : groupOf.get(a.name)) === group.value)) return false
      const haystack = `${recommendation.number} ${recommendation.title} ${recommendation.theme ?? ''}`.toLowerCase()
      return words.every((word) => haystack.includes(word))
    })
  })

  async function load() {
    const wanted = useCyclesStore().selectedId
    cycleId.value = wanted
    await request.run(() => api.call('recommendations.list', wanted === null ? {} : { cycleId: wanted }), (value) => (items.value = value))
  }

  /** Loads unless the list already holds (or is fetching) the working cycle's statuses. */
  async function ensureLoaded() {
    if (request.status.value === 'idle' || request.status.value === 'error' || cycleId.value !== useCyclesStore().selectedId) await load()
  }

  function clearFilters() {
    group.value = null
    status.value = null
    search.value = ''
  }

  return {
    items,
    visible,
    status: request.status,
    error: request.error,
    groupFilter: group,
    statusFilter: status,
    search,
    load,
    ensureLoaded,
    clearFilters,
  }
})
