// The letter open in the reading pane, and linking it to recommendations.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { LetterDetail, LinkView } from '../../../shared/domain/dto'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'
import { useLettersStore } from './letters'
import { useRecommendationsStore } from './recommendations'

export interface NewLink {
  recommendationId: number
  quote: string
  note: string
}

export const useLetterStore = defineStore('letter', () => {
  const letter = ref<LetterDetail | null>(null)
  const request = useRequest()
  const linking = useRequest()
  /** What the last link change did, for the reading pane's status line. */
  const linkMessage = ref<string | null>(null)

  async function open(id: number) {
    if (letter.value?.id !== id) {
      letter.value = null
      linking.reset()
      linkMessage.value = null
    }
    await request.run(() => api.call('letters.get', { id }), (value) => (letter.value = value))
  }

  function close() {
    request.reset()
    linking.reset()
    letter.value = null
    linkMessage.value = null
  }

  /** Links and tags shown elsewhere change with every link: refresh them quietly. */
  async function refreshAfterLinkChange(letterId: number) {
    const letters = useLettersStore()
    const recommendations = useRecommendationsStore()
    await Promise.all([
      open(letterId),
      letters.status === 'idle' ? null : letters.load(),
      recommendations.status === 'idle' ? null : recommendations.load(),
    ])
  }

  async function createLink(input: NewLink): Promise<boolean> {
    const current = letter.value
    if (!current) return false
    const ok = await linking.run(
      () =>
        api.call('links.create', {
          letterId: current.id,
          recommendationId: input.recommendationId,
          ...(input.quote.trim() ? { quote: input.quote.trim() } : {}),
          ...(input.note.trim() ? { note: input.note.trim() } : {}),
        }),
      (link) => (linkMessage.value = `Linked to recommendation ${link.recommendationNumber}.`),
    )
    if (!ok) return false
    await refreshAfterLinkChange(current.id)
    return true
  }

  async function removeLink(link: LinkView): Promise<boolean> {
    const ok = await linking.run(() => api.call('links.remove', { id: link.id }))
    if (!ok) return false
    linkMessage.value = `Removed the link to recommendation ${link.recommendationNumber}.`
    await refreshAfterLinkChange(link.letterId)
    return true
  }

  return {
    letter,
    status: request.status,
    error: request.error,
    linkStatus: linking.status,
    linkError: linking.error,
    linkMessage,
    open,
    close,
    createLink,
    removeLink,
  }
})
