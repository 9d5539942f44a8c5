// Dated promises made in letters ("we will publish a new code in July 2022"): those found in the
// working cycle's letters and not yet decided on, and those accepted and tracked until met or missed.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CommitmentOffer, CommitmentStatus, CommitmentView } from '../../../shared/domain/review-dto'
import { api } from '../api'
import { useLoadedFor } from '../composables/useLoadedFor'
import { useRequest } from '../composables/useRequest'
import { useCyclesStore } from './cycles'

export const useCommitmentsStore = defineStore('commitments', () => {
  const offers = ref<CommitmentOffer[]>([])
  const tracked = ref<CommitmentView[]>([])
  const request = useRequest()
  const freshness = useLoadedFor(request.status, () => useCyclesStore().selectedId)
  const acting = useRequest()
  const message = ref<string | null>(null)

  async function load() {
    const cycleId = useCyclesStore().selectedId
    freshness.noteLoad()
    const input = cycleId === null ? {} : { cycleId }
    await request.run(
      () => Promise.all([api.call('commitments.offers', input), api.call('commitments.list', input)]),
      ([newOffers, list]) => {
        offers.value = newOffers
        tracked.value = list
      },
    )
  }

  async function act(work: () => Promise<unknown>, done: string) {
    message.value = null
    const ok = await acting.run(work, () => (message.value = done))
    if (ok) await load()
    return ok
  }

  function accept(offer: CommitmentOffer) {
    return act(
      () =>
        api.call('commitments.accept', {
          letterId: offer.letterId,
          start: offer.start,
          end: offer.end,
          dueOn: offer.dueOn,
          dueText: offer.dueText,
          recommendationId: offer.recommendationId,
        }),
      `Now tracking the promise from ${offer.organisation ?? 'an unknown sender'}, due ${offer.dueText}.`,
    )
  }

  function dismiss(offer: CommitmentOffer) {
    return act(
      () => api.call('commitments.dismiss', { letterId: offer.letterId, start: offer.start, end: offer.end }),
      `Dismissed the sentence from ${offer.organisation ?? 'an unknown sender'}; it will not be offered again.`,
    )
  }

  const WORDS: Record<CommitmentStatus, string> = { open: 'reopened', met: 'marked as met', missed: 'marked as missed', dismissed: 'dismissed' }

  function setStatus(commitment: CommitmentView, status: CommitmentStatus) {
    return act(
      () => api.call('commitments.setStatus', { id: commitment.id, status }),
      `The promise from ${commitment.organisation ?? 'an unknown sender'} was ${WORDS[status]}.`,
    )
  }

  /** Loads unless what is loaded is for the working cycle (change events keep it current). */
  async function ensureLoaded() {
    if (!freshness.current()) await load()
  }

  return {
    offers,
    tracked,
    status: request.status,
    error: request.error,
    actStatus: acting.status,
    actError: acting.error,
    message,
    load,
    ensureLoaded,
    accept,
    dismiss,
    setStatus,
  }
})
