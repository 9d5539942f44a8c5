// The letter open in the reading pane: its details, its highlighted passages and links, and
// every change made from the reading pane (confirming what the importer inferred, linking a
// passage or the whole letter, notes, removing). After each change the letter is read again, so
// what is shown is always what the core holds.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { LetterDetail, LinkView } from '../../../shared/domain/dto'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'
import { passagesOf } from '../lib/highlights'

export interface LetterChanges {
  organisationId?: number | null
  date?: string | null
  subject?: string | null
  signatory?: string | null
}

export const useLetterStore = defineStore('letter', () => {
  const letter = ref<LetterDetail | null>(null)
  const request = useRequest()
  const linking = useRequest()
  const updating = useRequest()
  const opening = useRequest()
  /** What the last change did, for the reading pane's status line. */
  const linkMessage = ref<string | null>(null)
  const openMessage = ref<string | null>(null)

  const passages = computed(() => passagesOf(letter.value?.links ?? []))
  const wholeLetterLinks = computed(() => (letter.value?.links ?? []).filter((link) => link.passageId === null))

  async function open(id: number) {
    if (letter.value?.id !== id) {
      letter.value = null
      linking.reset()
      updating.reset()
      opening.reset()
      linkMessage.value = null
      openMessage.value = null
    }
    await request.run(() => api.call('letters.get', { id }), (value) => (letter.value = value))
  }

  /** Reads the open letter again without clearing it first (after an undo, say). */
  async function reload() {
    if (letter.value) await request.run(() => api.call('letters.get', { id: letter.value!.id }), (value) => (letter.value = value))
  }

  function close() {
    request.reset()
    linking.reset()
    updating.reset()
    letter.value = null
    linkMessage.value = null
    openMessage.value = null
  }

  /** Links and tags shown elsewhere change with every link: refresh them quietly. (The reading
   *  pane asks for suggestions again whenever the letter is read again.) */
  async function refreshAfterLinkChange(letterId: number) {
    // The lists elsewhere follow from the core's change event (stores/live.ts).
    await open(letterId)
  }

  async function linked(work: () => Promise<unknown>, message: string): Promise<boolean> {
    const current = letter.value
    if (!current) return false
    const ok = await linking.run(work, () => (linkMessage.value = message))
    if (ok) await refreshAfterLinkChange(current.id)
    return ok
  }

  const noteOf = (note: string) => (note.trim() ? { note: note.trim() } : {})

  /** Highlights [start, end) and links it to one or more recommendations. */
  function linkPassage(start: number, end: number, recommendations: { id: number; number: string }[], note = '') {
    const id = letter.value?.id
    if (id === undefined) return Promise.resolve(false)
    return linked(
      () => api.call('passages.create', { letterId: id, start, end, recommendationIds: recommendations.map((r) => r.id), ...noteOf(note) }),
      `Linked the passage to recommendation ${recommendations.map((r) => r.number).join(', ')}.`,
    )
  }

  /** Links an existing highlight to one more recommendation. */
  function linkToPassage(passageId: number, recommendation: { id: number; number: string }, note = '') {
    const id = letter.value?.id
    if (id === undefined) return Promise.resolve(false)
    return linked(
      () => api.call('links.create', { letterId: id, recommendationId: recommendation.id, passageId, ...noteOf(note) }),
      `Linked the passage to recommendation ${recommendation.number}.`,
    )
  }

  function linkWholeLetter(recommendation: { id: number; number: string }, note = '') {
    const id = letter.value?.id
    if (id === undefined) return Promise.resolve(false)
    return linked(
      () => api.call('links.create', { letterId: id, recommendationId: recommendation.id, ...noteOf(note) }),
      `Linked the letter to recommendation ${recommendation.number}.`,
    )
  }

  /** Accepting a suggestion: the passage [start, end) when given, else the whole letter. */
  function acceptSuggestion(recommendation: { id: number; number: string }, range: { start: number; end: number } | null, note = '') {
    const id = letter.value?.id
    if (id === undefined) return Promise.resolve(false)
    return linked(
      () => api.call('suggestions.accept', { letterId: id, recommendationId: recommendation.id, ...(range ?? {}), ...noteOf(note) }),
      `Accepted: linked ${range ? 'the passage' : 'the letter'} to recommendation ${recommendation.number}.`,
    )
  }

  function updateNote(link: LinkView, note: string) {
    return linked(
      () => api.call('links.update', { id: link.id, note: note.trim() || null }),
      note.trim() ? `Saved the note on the link to recommendation ${link.recommendationNumber}.` : `Removed the note from the link to recommendation ${link.recommendationNumber}.`,
    )
  }

  function removeLink(link: LinkView) {
    return linked(() => api.call('links.remove', { id: link.id }), `Removed the link to recommendation ${link.recommendationNumber}.`)
  }

  function removePassage(passageId: number) {
    return linked(() => api.call('passages.remove', { id: passageId }), 'Removed the highlight and its links.')
  }

  /** Confirms or corrects what the importer inferred, from `ifVersion` (the version the form opened; else the one shown); fields left out stay as they are. */
  async function update(changes: LetterChanges, ifVersion?: number): Promise<boolean> {
    const current = letter.value
    if (!current || Object.keys(changes).length === 0) return false
    const ok = await updating.run(
      () => api.call('letters.update', { id: current.id, ...changes, ifVersion: ifVersion ?? current.version }),
      (value) => (letter.value = value),
    )
    return ok
  }

  async function openOriginal() {
    const current = letter.value
    if (!current) return
    openMessage.value = null
    await opening.run(
      () => api.call('letters.openOriginal', { id: current.id }),
      ({ opened }) => (openMessage.value = opened ? `Opened ${current.fileName} in its own program.` : 'Opening the original file is available in the desktop app.'),
    )
  }

  /** Puts a letter (the open one unless another is named) and the letters attached to it in the
   *  bin; true when it went. */
  async function remove(id: number | undefined = letter.value?.id): Promise<boolean> {
    if (id === undefined) return false
    return updating.run(() => api.call('letters.delete', { id }), () => undefined)
  }

  /** Marks the open letter as received by the committee (incoming) or sent by it (outgoing). */
  async function setDirection(direction: 'incoming' | 'outgoing') {
    const current = letter.value
    if (!current) return
    await updating.run(() => api.call('letters.setDirection', { id: current.id, direction }), (value) => (letter.value = value))
  }

  return {
    letter,
    remove,
    setDirection,
    passages,
    wholeLetterLinks,
    status: request.status,
    error: request.error,
    linkStatus: linking.status,
    linkError: linking.error,
    linkMessage,
    updateStatus: updating.status,
    updateError: updating.error,
    openStatus: opening.status,
    openError: opening.error,
    openMessage,
    open,
    reload,
    close,
    linkPassage,
    linkToPassage,
    linkWholeLetter,
    acceptSuggestion,
    updateNote,
    removeLink,
    removePassage,
    update,
    openOriginal,
  }
})
