// Near-duplicates: the same letter imported twice in different clothes (an e-mail and its PDF
// print, a letter sent again). The importer keeps both and offers them here to be merged or
// marked as different; until then each pair is shown with the letters it concerns.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { LetterDetail, NearDuplicatePair } from '../../../shared/domain/dto'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'

export const useDuplicatesStore = defineStore('duplicates', () => {
  /** Pairs not yet merged or dismissed that concern the open letter. */
  const forLetter = ref<NearDuplicatePair[]>([])
  const request = useRequest()
  const acting = useRequest()
  /** What happened to pairs dealt with in this session, by "later id:earlier id". */
  const resolved = ref(new Map<string, string>())
  const message = ref<string | null>(null)
  /** The pair being compared side by side, with both letters read in full. */
  const comparing = ref<{ letterId: number; duplicateOf: number } | null>(null)
  const compared = ref<{ letter: LetterDetail; duplicateOf: LetterDetail; similarity: number | null } | null>(null)
  const compareRequest = useRequest()

  const keyOf = (letterId: number, duplicateOf: number) => `${letterId}:${duplicateOf}`

  async function loadForLetter(letterId: number) {
    await request.run(() => api.call('letters.nearDuplicates', { letterId }), (value) => (forLetter.value = value))
  }

  /** Keeps one letter and folds the other into it (links and passages move to the one kept). */
  async function merge(keepId: number, removeId: number, pair: { letterId: number; duplicateOf: number }): Promise<number | null> {
    let keptId: number | null = null
    const ok = await acting.run(
      () => api.call('letters.merge', { keepId, removeId }),
      (result) => {
        keptId = result.keptId
        const moved = result.movedLinks + result.movedPassages > 0 ? ` ${result.movedLinks} links and ${result.movedPassages} passages moved to the letter kept.` : ''
        const lost = result.lostPassages > 0 ? ` ${result.lostPassages} passages could not be found in its text and are listed apart.` : ''
        message.value = `Merged the two letters.${moved}${lost}`
        resolved.value.set(keyOf(pair.letterId, pair.duplicateOf), 'Merged')
        forLetter.value = forLetter.value.filter((p) => p.letter.id !== removeId && p.duplicateOf.id !== removeId)
      },
    )
    if (!ok) return null
    comparing.value = null
    compared.value = null
    // The letters list and the counts follow from the core's change event (stores/live.ts).
    return keptId
  }

  async function dismiss(pair: { letterId: number; duplicateOf: number }): Promise<boolean> {
    const ok = await acting.run(
      () => api.call('letters.dismissNearDuplicate', pair),
      () => {
        message.value = 'Marked as different letters; they will not be offered for merging again.'
        resolved.value.set(keyOf(pair.letterId, pair.duplicateOf), 'Not a duplicate')
        forLetter.value = forLetter.value.filter((p) => !(p.letter.id === pair.letterId && p.duplicateOf.id === pair.duplicateOf))
      },
    )
    if (ok) {
      comparing.value = null
      compared.value = null
    }
    return ok
  }

  async function compare(pair: { letterId: number; duplicateOf: number }, similarity: number | null = null) {
    comparing.value = pair
    compared.value = null
    await compareRequest.run(
      () => Promise.all([api.call('letters.get', { id: pair.letterId }), api.call('letters.get', { id: pair.duplicateOf })]),
      ([letter, duplicateOf]) => (compared.value = { letter, duplicateOf, similarity }),
    )
  }

  function closeCompare() {
    comparing.value = null
    compared.value = null
    compareRequest.reset()
  }

  function resolution(letterId: number, duplicateOf: number): string | null {
    return resolved.value.get(keyOf(letterId, duplicateOf)) ?? null
  }

  return {
    forLetter,
    status: request.status,
    actStatus: acting.status,
    actError: acting.error,
    message,
    comparing,
    compared,
    compareStatus: compareRequest.status,
    compareError: compareRequest.error,
    loadForLetter,
    merge,
    dismiss,
    compare,
    closeCompare,
    resolution,
  }
})
