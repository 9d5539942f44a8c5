// Year on year: one cycle against an earlier one, for every recommendation or one stakeholder
// group, with the status moves (backward ones flagged) and a redline of each narrative.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CycleComparison } from '../../../shared/domain/review-dto'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'

export const useComparisonStore = defineStore('comparison', () => {
  const comparison = ref<CycleComparison | null>(null)
  const request = useRequest()
  const toCycleId = ref<number | null>(null)
  const fromCycleId = ref<number | null>(null)
  const group = ref<string | null>(null)

  async function load() {
    const input = {
      ...(toCycleId.value === null ? {} : { toCycleId: toCycleId.value }),
      ...(fromCycleId.value === null ? {} : { fromCycleId: fromCycleId.value }),
      ...(group.value === null ? {} : { group: group.value }),
    }
    await request.run(() => api.call('cycles.compare', input), (value) => (comparison.value = value))
  }

  return { comparison, toCycleId, fromCycleId, group, status: request.status, error: request.error, load }
})
