// One search over letters, passages, recommendations and narratives (search.query). The first
// page comes with the counts; further pages are fetched as the virtual list scrolls to them, so
// a search matching thousands of letters costs one small request until someone scrolls.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, triggerRef } from 'vue'
import type { SavedView, SearchFilters, SearchHit, SearchKind, SearchResults, SearchSort } from '../../../shared/domain/review-dto'
import { api } from '../api'
import { messageOf, useRequest } from '../composables/useRequest'

const PAGE_SIZE = 50
/** The core pages through the first 1,000 results only. */
export const MAX_REACHABLE = 1000
export const SEARCH_KINDS: { kind: SearchKind; label: string }[] = [
  { kind: 'letter', label: 'Letters' },
  { kind: 'passage', label: 'Passages' },
  { kind: 'recommendation', label: 'Recommendations' },
  { kind: 'narrative', label: 'Narratives' },
]

/** Filters without empty values, as the contract wants them (and as saved views store them). */
export function cleanFilters(filters: SearchFilters): SearchFilters {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === '') continue
    if (Array.isArray(value) && (value.length === 0 || value.length === SEARCH_KINDS.length)) continue
    out[key] = value
  }
  return out as SearchFilters
}

export const useSearchStore = defineStore('search', () => {
  const query = ref('')
  const filters = ref<SearchFilters>({})
  const sort = ref<SearchSort>('relevance')
  const results = shallowRef<SearchResults | null>(null)
  /** Hits by position; a hole is a page not fetched yet. */
  const hits = shallowRef<(SearchHit | undefined)[]>([])
  const request = useRequest()
  const pageError = ref<string | null>(null)
  /** The query the shown results answer (the box may have changed since). */
  const answered = ref('')
  const pending = new Set<number>()
  let generation = 0

  const savedViews = ref<SavedView[]>([])
  const viewsRequest = useRequest()
  const viewMessage = ref<string | null>(null)

  const activeFilters = computed(() => cleanFilters(filters.value))
  const hasFilters = computed(() => Object.keys(activeFilters.value).length > 0)
  /** Nothing typed and nothing chosen: show the help rather than every letter. */
  const isBlank = computed(() => query.value.trim() === '' && !hasFilters.value)
  const reachable = computed(() => Math.min(results.value?.total ?? 0, MAX_REACHABLE))

  /** The last search asked for, so that typing that ends where it began does not search again. */
  let lastAsked = ''

  async function run() {
    lastAsked = JSON.stringify([query.value.trim(), activeFilters.value, sort.value])
    const ticket = ++generation
    pending.clear()
    pageError.value = null
    if (isBlank.value) {
      request.reset()
      results.value = null
      hits.value = []
      answered.value = ''
      return
    }
    const wanted = query.value.trim()
    const input = { query: wanted, filters: activeFilters.value, sort: sort.value, page: 1, pageSize: PAGE_SIZE }
    await request.run(
      () => api.call('search.query', input),
      (value) => {
        if (ticket !== generation) return
        results.value = value
        const all: (SearchHit | undefined)[] = new Array(Math.min(value.total, MAX_REACHABLE))
        value.items.forEach((hit, index) => (all[index] = hit))
        hits.value = all
        answered.value = wanted
      },
    )
  }

  /** Makes sure the hits from `start` to `end` (inclusive) are loaded or on their way. */
  async function ensureRange(start: number, end: number) {
    const ticket = generation
    const first = Math.floor(start / PAGE_SIZE) + 1
    const last = Math.floor(Math.min(end, reachable.value - 1) / PAGE_SIZE) + 1
    for (let page = first; page <= last; page++) {
      const offset = (page - 1) * PAGE_SIZE
      if (pending.has(page) || hits.value[offset] !== undefined) continue
      pending.add(page)
      try {
        const value = await api.call('search.query', { query: answered.value, filters: activeFilters.value, sort: sort.value, page, pageSize: PAGE_SIZE })
        if (ticket !== generation) return
        value.items.forEach((hit, index) => (hits.value[offset + index] = hit))
        triggerRef(hits)
      } catch (caught) {
        if (ticket === generation) pageError.value = messageOf(caught)
      } finally {
        pending.delete(page)
      }
    }
  }

  function setKinds(kinds: SearchKind[]) {
    filters.value = { ...filters.value, kinds }
  }

  function clearFilters() {
    filters.value = {}
  }

  async function loadViews() {
    await viewsRequest.run(() => api.call('searchViews.list', {}), (value) => (savedViews.value = value))
  }

  async function saveView(name: string): Promise<boolean> {
    viewMessage.value = null
    const input = { name: name.trim(), query: query.value.trim(), filters: activeFilters.value, sort: sort.value }
    const ok = await viewsRequest.run(() => api.call('searchViews.save', input), (view) => (viewMessage.value = `Saved this search as “${view.name}”.`))
    if (ok) await loadViews()
    return ok
  }

  /** For searching as someone types: only when the words or filters differ from the last search. */
  async function runIfChanged() {
    if (JSON.stringify([query.value.trim(), activeFilters.value, sort.value]) !== lastAsked) await run()
  }

  async function applyView(view: SavedView) {
    query.value = view.query
    filters.value = { ...view.filters }
    sort.value = view.sort
    viewMessage.value = `Showing the saved search “${view.name}”.`
    await run()
  }

  async function removeView(view: SavedView) {
    viewMessage.value = null
    const ok = await viewsRequest.run(() => api.call('searchViews.remove', { id: view.id }), () => (viewMessage.value = `Deleted the saved search “${view.name}”.`))
    if (ok) await loadViews()
  }

  return {
    query,
    filters,
    sort,
    results,
    hits,
    answered,
    status: request.status,
    error: request.error,
    pageError,
    activeFilters,
    hasFilters,
    isBlank,
    reachable,
    savedViews,
    viewsStatus: viewsRequest.status,
    viewsError: viewsRequest.error,
    viewMessage,
    run,
    ensureRange,
    setKinds,
    clearFilters,
    loadViews,
    saveView,
    applyView,
    runIfChanged,
    removeView,
  }
})
