// The audit log and this person's undo/redo. Undoing can change anything anywhere (a link, a
// status, a whole cycle); the core's change event then refreshes every list that is loaded
// (stores/live.ts), so this store only says what happened.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AuditEntry } from '../../../shared/domain/dto'
import type { HistoryEntity, HistoryEntry, HistoryState } from '../../../shared/domain/review-dto'
import { HISTORY_ENTITIES } from '../../../shared/domain/review-dto'
import { api } from '../api'
import { messageOf, useRequest } from '../composables/useRequest'
import { useNoticesStore } from './notices'

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
    // The two are independent: asked for at once, not one after the other.
    await Promise.all([request.run(() => api.call('audit.recent', { limit: limit.value }), (value) => (recent.value = value)), loadState()])
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
      }
    } catch (caught) {
      notices.push(messageOf(caught), 'error')
      await loadState()
    } finally {
      stepping.value = false
    }
  }

  /** After any change: what undo would do now, and the recent changes if they are on screen. */
  async function refresh() {
    details.value = new Map()
    await (request.status.value === 'idle' ? loadState() : loadRecent())
  }

  return {
    state,
    recent,
    limit,
    status: request.status,
    error: request.error,
    stepping,
    loadState,
    loadRecent,
    loadDetail,
    undo: () => step('undo'),
    redo: () => step('redo'),
    refresh,
  }
})
