// The audit log and this session's undo/redo. Undoing can change anything anywhere (a link, a
// status, a whole cycle), so afterwards every list that has been loaded is fetched again.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AuditEntry } from '../../../shared/domain/dto'
import type { HistoryEntity, HistoryEntry, HistoryState } from '../../../shared/domain/review-dto'
import { HISTORY_ENTITIES } from '../../../shared/domain/review-dto'
import { api } from '../api'
import { messageOf, useRequest } from '../composables/useRequest'
import { useAppStore } from './app'
import { useCyclesStore } from './cycles'
import { useDashboardStore } from './dashboard'
import { useLetterStore } from './letter'
import { useLettersStore } from './letters'
import { useNoticesStore } from './notices'
import { useOrganisationsStore } from './organisations'
import { useRecommendationStore } from './recommendation'
import { useRecommendationsStore } from './recommendations'
import { useSearchStore } from './search'

const PAGE = 100

export function isHistoryEntity(entity: string): entity is HistoryEntity {
  return (HISTORY_ENTITIES as readonly string[]).includes(entity)
}

export const useHistoryStore = defineStore('history', () => {
  const state = ref<HistoryState | null>(null)
  const recent = ref<AuditEntry[]>([])
  const limit = ref(PAGE)
  const request = useRequest()
  const stepping = ref(false)
  /** Goes up after every undo, redo or restore, for views that keep data of their own. */
  const revision = ref(0)
  /** Details of single entries, fetched when someone opens them (audit.recent has no before/after). */
  const details = ref(new Map<number, HistoryEntry | null>())

  async function loadState() {
    try {
      state.value = await api.call('history.state', {})
    } catch {
      state.value = null
    }
  }

  async function loadRecent(more = false) {
    if (more) limit.value = Math.min(500, limit.value + PAGE)
    await request.run(() => api.call('audit.recent', { limit: limit.value }), (value) => (recent.value = value))
    await loadState()
  }

  /** The recorded before and after of one audit entry, from its item's history. */
  async function loadDetail(entry: AuditEntry): Promise<HistoryEntry | null> {
    if (details.value.has(entry.id)) return details.value.get(entry.id) ?? null
    if (entry.entityId === null || !isHistoryEntity(entry.entity)) return null
    const items = await api.call('history.forItem', { entity: entry.entity, entityId: entry.entityId, limit: 500 })
    for (const item of items) details.value.set(item.id, item)
    if (!details.value.has(entry.id)) details.value.set(entry.id, null)
    return details.value.get(entry.id) ?? null
  }

  async function step(direction: 'undo' | 'redo') {
    if (stepping.value) return
    stepping.value = true
    const notices = useNoticesStore()
    try {
      const result = await api.call(direction === 'undo' ? 'history.undo' : 'history.redo', {})
      state.value = result
      if (result.applied === null) {
        notices.push(direction === 'undo' ? 'There is nothing to undo in this session.' : 'There is nothing to redo.')
      } else {
        notices.push(`${direction === 'undo' ? 'Undone' : 'Redone'}: ${result.applied}.`, 'success')
        await refreshAfterChange()
      }
    } catch (caught) {
      notices.push(messageOf(caught), 'error')
      await loadState()
    } finally {
      stepping.value = false
    }
  }

  /** Fetches again whatever has been loaded, after a change that could have touched any of it. */
  async function refreshAfterChange() {
    revision.value++
    const cycles = useCyclesStore()
    const recommendations = useRecommendationsStore()
    const recommendation = useRecommendationStore()
    const letters = useLettersStore()
    const letter = useLetterStore()
    const organisations = useOrganisationsStore()
    const dashboard = useDashboardStore()
    const search = useSearchStore()
    details.value = new Map()
    await Promise.all([
      useAppStore().load(),
      cycles.status === 'idle' ? null : cycles.load(),
      organisations.status === 'idle' ? null : organisations.load(),
      letters.status === 'idle' ? null : letters.load(),
      letter.letter ? letter.reload() : null,
      dashboard.status === 'idle' ? null : dashboard.load(),
      search.results ? search.run() : null,
      request.status.value === 'idle' ? loadState() : loadRecent(),
    ])
    // Statuses depend on the working cycle, which the cycles list may just have changed.
    await Promise.all([
      recommendations.status === 'idle' ? null : recommendations.load(),
      recommendation.detail ? recommendation.reload() : null,
    ])
  }

  return {
    state,
    recent,
    limit,
    status: request.status,
    error: request.error,
    stepping,
    revision,
    loadState,
    loadRecent,
    loadDetail,
    undo: () => step('undo'),
    redo: () => step('redo'),
    refreshAfterChange,
  }
})
