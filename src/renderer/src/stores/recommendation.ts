// One recommendation in full, and saving its assessment for a cycle.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { RecommendationDetail } from '../../../shared/domain/dto'
import type { Response, Status } from '../../../shared/domain/status'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'
import { useRecommendationsStore } from './recommendations'

export interface AssessmentDraft {
  status: Status
  response: Response | null
  narrative: string
}

export const useRecommendationStore = defineStore('recommendation', () => {
  const detail = ref<RecommendationDetail | null>(null)
  const request = useRequest()
  const saving = useRequest()
  const savedMessage = ref<string | null>(null)

  async function load(id: number, cycleId: number | null) {
    if (detail.value?.id !== id) {
      detail.value = null
      saving.reset()
      savedMessage.value = null
    }
    await request.run(() => api.call('recommendations.get', cycleId === null ? { id } : { id, cycleId }), (value) => (detail.value = value))
  }

  async function saveAssessment(cycleId: number, draft: AssessmentDraft): Promise<boolean> {
    const current = detail.value
    if (!current) return false
    savedMessage.value = null
    const ok = await saving.run(
      () => api.call('assessments.set', { recommendationId: current.id, cycleId, ...draft }),
      (saved) => (savedMessage.value = `Assessment saved for the ${saved.cycleName}.`),
    )
    if (!ok) return false
    const list = useRecommendationsStore()
    await Promise.all([load(current.id, cycleId), list.status === 'idle' ? null : list.load()])
    return true
  }

  return {
    detail,
    status: request.status,
    error: request.error,
    saveStatus: saving.status,
    saveError: saving.error,
    savedMessage,
    load,
    saveAssessment,
  }
})
