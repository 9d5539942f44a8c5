// The recommendations table for the working cycle, with its group, status and word filters.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { RecommendationSummary } from '../../../shared/domain/dto'
import type { Status } from '../../../shared/domain/status'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'
import { withinCycle } from '../lib/datetime'
import { useCyclesStore } from './cycles'
import { everyLetter } from './every-letter'
import { useOrganisationsStore } from './organisations'

export const useRecommendationsStore = defineStore('recommendations', () => {
  const items = ref<RecommendationSummary[]>([])
  const request = useRequest()
  const group = ref<string | null>(null)
  const status = ref<Status | null>(null)
  const search = ref('')
  /** The cycle the latest load asked for; undefined before the first load. */
  const cycleId = ref<number | null | undefined>(undefined)
  /** 'missing': only those with no linked letter dated in the working cycle (as the dashboard counts them). */
  const evidence = ref<'any' | 'missing'>('any')
  /** Ids of recommendations with a linked letter dated in the working cycle; null until asked for. */
  const evidencedIds = ref<Set<number> | null>(null)
  const evidenceRequest = useRequest()

  const visible = computed(() => {
    const groupOf = useOrganisationsStore().groupOf
    const words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean)
    return items.value.filter((recommendation) => {
      if (status.value && recommendation.status !== status.value) return false
      if (evidence.value === 'missing' && evidencedIds.value?.has(recommendation.id) !== false) return false
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
    if (evidence.value === 'missing') await loadEvidence()
  }

  /**
   * Which recommendations have evidence from the working cycle. recommendations.list counts every
   * link whatever its date, so this reads the linked letters' dates (one call, only when the
   * filter is on) and keeps the recommendations with a letter dated within the cycle.
   */
  async function loadEvidence() {
    const cycle = useCyclesStore().selected
    await evidenceRequest.run(
      () => everyLetter({ linked: 'linked', ...(cycle ? { cycleId: cycle.id } : {}) }),
      (letters) => {
        const byNumber = new Map(items.value.map((r) => [r.number, r.id]))
        const ids = new Set<number>()
        for (const letter of letters) {
          if (!withinCycle(letter.date, cycle?.startsOn ?? null, cycle?.endsOn ?? null)) continue
          for (const number of letter.linkedRecommendations) {
            const id = byNumber.get(number)
            if (id !== undefined) ids.add(id)
          }
        }
        evidencedIds.value = ids
      },
    )
  }

  async function setEvidenceFilter(value: 'any' | 'missing') {
    evidence.value = value
    if (value === 'missing') await loadEvidence()
  }

  /** Loads unless the list already holds (or is fetching) the working cycle's statuses. */
  async function ensureLoaded() {
    if (request.status.value === 'idle' || request.status.value === 'error' || cycleId.value !== useCyclesStore().selectedId) await load()
  }

  function clearFilters() {
    group.value = null
    status.value = null
    evidence.value = 'any'
    search.value = ''
  }

  return {
    items,
    visible,
    status: request.status,
    error: request.error,
    groupFilter: group,
    statusFilter: status,
    evidenceFilter: evidence,
    evidenceStatus: evidenceRequest.status,
    search,
    load,
    setEvidenceFilter,
    ensureLoaded,
    clearFilters,
  }
})
