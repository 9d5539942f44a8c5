// The inbox: the letters matching the filters, a page at a time. Every filter is applied by the
// core (letters.list); the store holds the pages fetched so far, by position, and the total, so
// the list can be as tall as the whole archive while only the rows scrolled to are fetched.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { LETTER_PAGE_ROWS } from '../../../shared/api/limits'
import type { LetterFormat, LetterSummary } from '../../../shared/domain/dto'
import { api } from '../api'
import { useLoadedFor } from '../composables/useLoadedFor'
import { useRequest } from '../composables/useRequest'

export type LinkedFilter = 'all' | 'linked' | 'unlinked'

/** The list as the view reads it: its length, the rows fetched so far, and where a letter is. */
export interface LetterRows {
  count: number
  /** The row at a position, or undefined while its page is not fetched. */
  at(index: number): LetterSummary | undefined
  /** The position of a fetched letter, or -1. */
  indexOf(id: number): number
}

const PAGE = LETTER_PAGE_ROWS

export const useLettersStore = defineStore('letters', () => {
  const request = useRequest()
  const linked = ref<LinkedFilter>('all')
  const organisationId = ref<number | null>(null)
  const group = ref<string | null>(null)
  const search = ref('')
  const format = ref<LetterFormat | null>(null)
  /** YYYY-MM-DD, inclusive; letters without a date drop out once either end is set. */
  const dateFrom = ref('')
  const dateTo = ref('')

  /** Fetched pages by page number (position / PAGE); replaced, never mutated, so views update. */
  const pages = shallowRef(new Map<number, LetterSummary[]>())
  const total = ref(0)
  const pageError = ref<string | null>(null)
  /** Where each fetched page's next page starts, so scrolling on continues by key. */
  let cursors = new Map<number, string | null>()
  /** Pages being fetched for the current filters and data. */
  const fetching = new Set<number>()
  /** Bumped by every load: answers for an older generation are dropped. */
  let generation = 0
  /** The rows last on screen, refetched by a load so a refresh keeps them. */
  let shown = { first: 0, last: 0 }

  const filters = computed(() => ({
    ...(linked.value === 'all' ? {} : { linked: linked.value }),
    ...(organisationId.value === null ? {} : { organisationId: organisationId.value }),
    ...(group.value === null ? {} : { group: group.value }),
    ...(format.value === null ? {} : { format: format.value }),
    ...(dateFrom.value ? { dateFrom: dateFrom.value } : {}),
    ...(dateTo.value ? { dateTo: dateTo.value } : {}),
    ...(search.value.trim() ? { words: search.value.trim() } : {}),
  }))

  const rows = computed<LetterRows>(() => {
    const loaded = pages.value
    return {
      count: total.value,
      at: (index) => loaded.get(Math.floor(index / PAGE))?.[index % PAGE],
      indexOf: (id) => {
        for (const [page, letters] of loaded) {
          const at = letters.findIndex((letter) => letter.id === id)
          if (at !== -1) return page * PAGE + at
        }
        return -1
      },
    }
  })

  /** The letters fetched so far, in the list's order. */
  const items = computed(() => [...pages.value.entries()].sort(([a], [b]) => a - b).flatMap(([, letters]) => letters))

  const freshness = useLoadedFor(request.status, () => JSON.stringify(filters.value))

  const hasFilters = computed(() => Object.keys(filters.value).length > 0)

  function pagesOf(first: number, last: number): number[] {
    const numbers: number[] = []
    for (let page = Math.floor(Math.max(0, first) / PAGE); page <= Math.floor(Math.max(0, last) / PAGE); page++) numbers.push(page)
    return numbers
  }

  /**
   * The first page and the pages on screen, afresh for the current filters (after a filter
   * changes, and on the core's change events): the rows shown stay until their new versions come.
   */
  async function load() {
    const ticket = ++generation
    freshness.noteLoad()
    fetching.clear()
    const wanted = [...new Set([0, ...pagesOf(shown.first, shown.last)])]
    const input = filters.value
    await request.run(
      () => Promise.all(wanted.map((page) => api.call('letters.list', { ...input, offset: page * PAGE, limit: PAGE }))),
      (answers) => {
        if (ticket !== generation) return
        const fresh = new Map<number, LetterSummary[]>()
        cursors = new Map()
        answers.forEach((answer, i) => {
          fresh.set(wanted[i]!, answer.rows)
          cursors.set(wanted[i]!, answer.nextCursor)
        })
        // The last answer is the newest count (the pages were asked for at once).
        total.value = answers.at(-1)!.total
        pages.value = fresh
        pageError.value = null
      },
    )
    if (ticket === generation) void show(shown.first, shown.last)
  }

  /** Loads unless the pages held are for the filters set now (change events keep them current). */
  async function ensureLoaded() {
    if (!freshness.current()) await load()
  }

  /** The rows from `first` to `last` are on screen: fetch the pages of those not fetched yet. */
  async function show(first: number, last: number) {
    shown = { first, last }
    if (request.status.value !== 'ready') return
    const ticket = generation
    const input = filters.value
    await Promise.all(
      pagesOf(first, Math.min(last, total.value - 1))
        .filter((page) => !pages.value.has(page) && !fetching.has(page))
        .map(async (page) => {
          fetching.add(page)
          // After a page fetched by key its successor follows by key; a jump starts by position.
          const cursor = cursors.get(page - 1)
          try {
            const answer = await api.call('letters.list', { ...input, ...(cursor ? { cursor } : { offset: page * PAGE }), limit: PAGE })
            if (ticket !== generation) return
            cursors.set(page, answer.nextCursor)
            pages.value = new Map(pages.value).set(page, answer.rows)
            total.value = answer.total
            pageError.value = null
          } catch {
            if (ticket === generation) pageError.value = 'Some letters could not be fetched. Scroll again to try once more.'
          } finally {
            if (ticket === generation) fetching.delete(page)
          }
        }),
    )
  }

  function clearFilters() {
    linked.value = 'all'
    organisationId.value = null
    group.value = null
    format.value = null
    dateFrom.value = ''
    dateTo.value = ''
    search.value = ''
  }

  return {
    rows,
    items,
    total,
    filters,
    status: request.status,
    error: request.error,
    pageError,
    linked,
    organisationId,
    group,
    search,
    format,
    dateFrom,
    dateTo,
    hasFilters,
    load,
    ensureLoaded,
    show,
    clearFilters,
  }
})
