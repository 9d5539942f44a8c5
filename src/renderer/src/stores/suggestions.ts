// Offline suggestions of which recommendations a letter (or a passage of it) speaks to, each with
// its reason. The whole letter's list feeds the Suggestions panel; a passage's list is asked for
// when someone starts linking a selection, and shown first in the combobox.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { SuggestionView } from '../../../shared/domain/review-dto'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'

const PASSAGE_LIMIT = 5
/** "Show more" asks for this many (the contract's most). */
const ALL = 100

export const useSuggestionsStore = defineStore('suggestions', () => {
  const forLetter = ref<SuggestionView[]>([])
  /** How many further suggestions the core holds back (below its confidence cut), for a "Show more". */
  const more = ref(0)
  /** "Show more" was pressed for this letter: every suggestion, however unsure, until another letter opens. */
  const showAll = ref(false)
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
      more.value = 0
      showAll.value = false
      previewed.value = null
      message.value = null
      rejecting.reset()
    }
    letterId.value = id
    await request.run(
      () => api.call('suggestions.forLetter', showAll.value ? { letterId: id, confident: false, limit: ALL } : { letterId: id }),
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

  /** Every suggestion for the open letter, the unsure ones too. */
  async function showMore() {
    if (letterId.value === null) return
    showAll.value = true
    await loadForLetter(letterId.value)
  }

  /** Takes a suggestion off the list at once (accepted or rejected), before the list is read again. */
  function drop(recommendationId: number) {
    forLetter.value = forLetter.value.filter((s) => s.recommendationId !== recommendationId)
    if (previewed.value?.recommendationId === recommendationId) previewed.value = null
  }

  /** Rejected for this letter for good (undo brings it back). */
  async function reject(suggestion: SuggestionView): Promise<boolean> {
    const id = letterId.value
    if (id === null) return false
    const ok = await rejecting.run(() => api.call('suggestions.reject', { letterId: id, recommendationId: suggestion.recommendationId }))
    if (ok) {
      message.value = `Rejected recommendation ${suggestion.recommendationNumber}; it will not be suggested for this letter again.`
      drop(suggestion.recommendationId)
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
    showAll.value = false
    forPassage.value = []
    letterId.value = null
    previewed.value = null
    message.value = null
  }

  return {
    forLetter,
    more,
    showAll,
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
    showMore,
    drop,
    reject,
    clear,
  }
})
