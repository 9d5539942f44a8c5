// One recommendation in full: its assessment for a cycle (with the evidence it rests on), how it
// moved from cycle to cycle, unlinked passages that may be about it, and its history.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { RecommendationDetail } from '../../../shared/domain/dto'
import type { HistoryEntry, PassageSuggestionView, RecommendationMove } from '../../../shared/domain/review-dto'
import type { Response, Status } from '../../../shared/domain/status'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'
import { catchingStale, type StaleConflict } from '../lib/stale'

export interface AssessmentDraft {
  status: Status
  response: Response | null
  narrative: string
  /** The links chosen as evidence; undefined keeps what is stored. */
  evidenceLinkIds?: number[]
}

export const useRecommendationStore = defineStore('recommendation', () => {
  const detail = ref<RecommendationDetail | null>(null)
  const request = useRequest()
  const saving = useRequest()
  const savedMessage = ref<string | null>(null)
  /** Someone else saved the assessment after it was opened: what they saved, shown beside the form. */
  const conflict = ref<StaleConflict | null>(null)
  /** The cycle the detail was asked for. */
  let loadedCycleId: number | null = null

  /** Each cycle's move from the cycle before it, by the later cycle's id. */
  const moves = ref(new Map<number, RecommendationMove>())
  const movesRequest = useRequest()

  const suggestions = ref<PassageSuggestionView[]>([])
  const suggestionsRequest = useRequest()
  const suggestionAction = useRequest()
  const suggestionMessage = ref<string | null>(null)

  const history = ref<HistoryEntry[]>([])
  const historyRequest = useRequest()

  async function load(id: number, cycleId: number | null) {
    conflict.value = null
    if (detail.value?.id !== id) {
      detail.value = null
      moves.value = new Map()
      suggestions.value = []
      history.value = []
      saving.reset()
      suggestionAction.reset()
      savedMessage.value = null
      suggestionMessage.value = null
    }
    loadedCycleId = cycleId
    const ok = await request.run(() => api.call('recommendations.get', cycleId === null ? { id } : { id, cycleId }), (value) => (detail.value = value))
    if (ok) await Promise.all([loadMoves(), loadSuggestions(), loadHistory()])
  }

  async function reload() {
    if (detail.value) await load(detail.value.id, loadedCycleId)
  }

  /** Year on year for this recommendation: each cycle against the one before it. */
  async function loadMoves() {
    const current = detail.value
    if (!current) return
    const pairs = current.assessments.slice(0, -1).map((later, index) => ({ to: later.cycleId, from: current.assessments[index + 1]!.cycleId }))
    await movesRequest.run(
      () => Promise.all(pairs.map((pair) => api.call('cycles.compare', { toCycleId: pair.to, fromCycleId: pair.from, recommendationId: current.id }))),
      (comparisons) => {
        const found = new Map<number, RecommendationMove>()
        comparisons.forEach((comparison, index) => {
          const move = comparison.recommendations.find((r) => r.recommendationId === current.id)
          if (move) found.set(pairs[index]!.to, move)
        })
        moves.value = found
      },
    )
  }

  async function loadSuggestions() {
    const current = detail.value
    if (!current) return
    await suggestionsRequest.run(() => api.call('suggestions.forRecommendation', { recommendationId: current.id, limit: 5 }), (value) => (suggestions.value = value))
  }

  async function loadHistory() {
    const current = detail.value
    if (!current) return
    await historyRequest.run(() => api.call('history.forItem', { entity: 'recommendation', entityId: current.id, limit: 100 }), (value) => (history.value = value))
  }

  /** Saves from `ifVersion`, the version the form was filled from; a stale save fills `conflict`. */
  async function saveAssessment(cycleId: number, draft: AssessmentDraft, ifVersion: number): Promise<boolean> {
    const current = detail.value
    if (!current) return false
    savedMessage.value = null
    conflict.value = null
    const { evidenceLinkIds, ...rest } = draft
    const ok = await saving.run(
      () =>
        catchingStale(
          () => api.call('assessments.set', { recommendationId: current.id, cycleId, ...rest, ...(evidenceLinkIds ? { evidenceLinkIds } : {}), ifVersion }),
          (stale) => (conflict.value = stale),
        ),
      (saved) => (savedMessage.value = `Assessment saved for the ${saved.cycleName}.`),
    )
    if (!ok) return false
    await load(current.id, cycleId)
    return true
  }

  /** Links a suggested passage to this recommendation. */
  async function acceptSuggestion(suggestion: PassageSuggestionView) {
    const current = detail.value
    if (!current) return
    suggestionMessage.value = null
    const ok = await suggestionAction.run(
      () => api.call('suggestions.accept', { letterId: suggestion.letterId, recommendationId: current.id, start: suggestion.start, end: suggestion.end }),
      () => (suggestionMessage.value = `Linked the passage from ${suggestion.organisation ?? 'an unknown sender'} to recommendation ${current.number}.`),
    )
    if (ok) await reload()
  }

  /** Says the letter is not about this recommendation; it is not suggested again. */
  async function rejectSuggestion(suggestion: PassageSuggestionView) {
    const current = detail.value
    if (!current) return
    suggestionMessage.value = null
    const ok = await suggestionAction.run(
      () => api.call('suggestions.reject', { letterId: suggestion.letterId, recommendationId: current.id }),
      () => (suggestionMessage.value = `The letter from ${suggestion.organisation ?? 'an unknown sender'} will not be suggested for recommendation ${current.number} again.`),
    )
    if (ok) await Promise.all([loadSuggestions(), loadHistory()])
  }

  return {
    detail,
    status: request.status,
    error: request.error,
    conflict,
    saveStatus: saving.status,
    saveError: saving.error,
    savedMessage,
    moves,
    movesStatus: movesRequest.status,
    movesError: movesRequest.error,
    suggestions,
    suggestionsStatus: suggestionsRequest.status,
    suggestionsError: suggestionsRequest.error,
    suggestionActionStatus: suggestionAction.status,
    suggestionActionError: suggestionAction.error,
    suggestionMessage,
    history,
    historyStatus: historyRequest.status,
    historyError: historyRequest.error,
    load,
    reload,
    saveAssessment,
    acceptSuggestion,
    rejectSuggestion,
  }
})
