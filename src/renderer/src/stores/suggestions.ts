// Offline suggestions of which recommendations a letter (or a passage of it) speaks to, each with
// its reason. The whole letter's list feeds the Suggestions panel; a passage's list is asked for
// when someone starts linking a selection, and shown first in the combobox.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { SuggestionView } from '../../../shared/domain/review-dto'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'

const PASSAGE_LIMIT = 5

export const useSuggestionsStore = defineStore('suggestions', () => {
  const forLetter = ref<SuggestionView[]>([])
  /** How many further suggestions the core holds back (below its confidence cut), for a "Show more". */
  const more = ref(0)
  const letterId = ref<number | null>(null)
  const request = useRequest()
  const rejecting = useRequest()
  const forPassage = ref<SuggestionView[]>([])
  const passageRequest = useRequest()
  /** The suggestion whose passage is shown in the text (the one focused or hovered in the panel). */
  const previewed = ref<SuggestionView | null>(null)
  const message = ref<string | null>(null)

  async function loadForLetter(id: number) {
    if (letterId.value !== id) {
      forLetter.value = []
      previewed.value = null
      message.value = null
      rejecting.reset()
    }
    letterId.value = id
    await request.run(
      () => api.call('suggestions.forLetter', { letterId: id }),
      ({ items: value, more: hidden }) => {
        forLetter.value = value
        more.value = hidden
        if (previewed.value && !value.some((s) => s.recommendationId === previewed.value!.recommendationId)) previewed.value = null
      },
    )
  }

  async function loadForPassage(id: number, start: number, end: number) {
    forPassage.value = []
    await passageRequest.run(() => api.call('suggestions.forPassage', { letterId: id, start, end, limit: PASSAGE_LIMIT }), (value) => (forPassage.value = value))
  }

  /** Rejected for this letter for good (undo brings it back). */
  async function reject(suggestion: SuggestionView): Promise<boolean> {
    const id = letterId.value
    if (id === null) return false
    const ok = await rejecting.run(() => api.call('suggestions.reject', { letterId: id, recommendationId: suggestion.recommendationId }))
    if (ok) {
      message.value = `Rejected recommendation ${suggestion.recommendationNumber}; it will not be suggested for this letter again.`
      forLetter.value = forLetter.value.filter((s) => s.recommendationId !== suggestion.recommendationId)
      if (previewed.value?.recommendationId === suggestion.recommendationId) previewed.value = null
      void loadForLetter(id)
    }
    return ok
  }

  function clear() {
    request.reset()
    passageRequest.reset()
    rejecting.reset()
    forLetter.value = []
    more.value = 0
    forPassage.value = []
    letterId.value = null
    previewed.value = null
    message.value = null
  }

  return {
    forLetter,
    more,
    letterId,
    status: request.status,
    error: request.error,
    rejectStatus: rejecting.status,
    rejectError: rejecting.error,
    forPassage,
    passageStatus: passageRequest.status,
    passageError: passageRequest.error,
    previewed,
    message,
    loadForLetter,
    loadForPassage,
    reject,
    clear,
  }
})
