// Keeps what is on screen current from the core's `changed` events, whoever made the change: this
// window, an undo, a restore, or (on a team database) another desktop. Each event names the kinds
// of item it touched; every store that has loaded something of those kinds fetches it again, once
// for a burst of events. Stores therefore do not refresh each other by hand after a write.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ChangedEvent } from '../../../shared/api/events'
import { api, reachability } from '../api'
import { useAppStore } from './app'
import { useBackupsStore } from './backups'
import { useBinStore } from './bin'
import { useChaseStore } from './chase'
import { useCommitmentsStore } from './commitments'
import { useComparisonStore } from './comparison'
import { useCyclesStore } from './cycles'
import { useDashboardStore } from './dashboard'
import { useExportStore } from './export'
import { useGroupsStore } from './groups'
import { useHistoryStore } from './history'
import { useLetterStore } from './letter'
import { useLettersStore } from './letters'
import { useOrganisationsStore } from './organisations'
import { usePreamblesStore } from './preambles'
import { useRecommendationStore } from './recommendation'
import { useRecommendationsStore } from './recommendations'
import { useReportsStore } from './reports'
import { useSearchStore } from './search'

/** Events closer together than this are answered with one round of fetching. */
const COALESCE_MS = 40

/** What changed in a burst of events: `touches('letter', 'link')` is true if any of them did. */
export interface ChangeSet {
  touches(...kinds: string[]): boolean
  /** The ids of one kind that changed; null when everything of that kind may have (a restore). */
  idsOf(kind: string): Set<number> | null
}

export function changeSetOf(events: readonly ChangedEvent[]): ChangeSet {
  const kinds = new Set(events.flatMap((event) => event.kinds))
  const everything = kinds.has('database')
  return {
    touches: (...names) => everything || names.some((name) => kinds.has(name)),
    // A kind named without ids changed as a whole (a setting, or a change too large to list).
    idsOf: (kind) => (everything || events.some((event) => event.kinds.includes(kind) && (event.ids[kind]?.length ?? 0) === 0) ? null : new Set(events.flatMap((event) => event.ids[kind] ?? []))),
  }
}

const loaded = (store: { status: string }) => store.status !== 'idle'

export const useLiveStore = defineStore('live', () => {
  /** Goes up after every round of refreshing, for views that keep data of their own. */
  const revision = ref(0)
  let pending: ChangedEvent[] = []
  let timer: ReturnType<typeof setTimeout> | null = null
  let unsubscribe: (() => void) | null = null
  let running: Promise<void> = Promise.resolve()

  function heard(event: ChangedEvent) {
    pending.push(event)
    timer ??= setTimeout(() => {
      timer = null
      const events = pending
      pending = []
      // One round at a time, in order: a later round sees the later state.
      running = running.then(() => refresh(changeSetOf(events))).catch(() => undefined)
    }, COALESCE_MS)
  }

  let watchingReachability = false
  function start() {
    unsubscribe ??= api.subscribe('changed', heard)
    // Back after the team database was out of reach: others may have written meanwhile.
    if (!watchingReachability) reachability.onBack(() => heard({ kinds: ['database'], ids: {}, actor: '', at: new Date().toISOString() }))
    watchingReachability = true
  }

  function stop() {
    unsubscribe?.()
    unsubscribe = null
  }

  async function refresh(changes: ChangeSet) {
    revision.value++
    const app = useAppStore()
    const cycles = useCyclesStore()
    const groups = useGroupsStore()
    const organisations = useOrganisationsStore()
    const letters = useLettersStore()
    const letter = useLetterStore()
    const recommendations = useRecommendationsStore()
    const recommendation = useRecommendationStore()
    const dashboard = useDashboardStore()
    const comparison = useComparisonStore()
    const chase = useChaseStore()
    const commitments = useCommitmentsStore()
    const search = useSearchStore()
    const history = useHistoryStore()
    const backups = useBackupsStore()
    const bin = useBinStore()
    const exporting = useExportStore()
    const preambles = usePreamblesStore()
    const reports = useReportsStore()
    const openLetterChanged = () => {
      const ids = changes.idsOf('letter')
      return letter.letter !== null && (ids === null || ids.has(letter.letter.id) || changes.touches('organisation'))
    }
    const openRecommendationChanged = () => {
      const ids = changes.idsOf('recommendation')
      return recommendation.detail !== null && (ids === null || ids.has(recommendation.detail.id) || changes.touches('cycle', 'link', 'passage'))
    }
    await Promise.all([
      changes.touches('letter', 'organisation', 'recommendation') ? app.load() : null,
      changes.touches('cycle') && loaded(cycles) ? cycles.load() : null,
      changes.touches('organisation', 'setting', 'group') && loaded(groups) ? groups.load() : null,
      changes.touches('organisation', 'group', 'recommendation') && exporting.settingsStatus !== 'idle' && !exporting.reordering() ? exporting.loadSettings().then(() => exporting.loadOutline()) : null,
      changes.touches('organisation', 'letter') && loaded(organisations) ? organisations.load() : null,
      changes.touches('letter', 'link', 'passage', 'organisation', 'recommendation') && loaded(letters) ? letters.load() : null,
      openLetterChanged() ? letter.reload() : null,
      changes.touches('cycle', 'letter', 'organisation', 'commitment') && loaded(chase) ? chase.load() : null,
      changes.touches('commitment', 'letter', 'cycle') && loaded(commitments) ? commitments.load() : null,
      changes.touches('letter', 'passage', 'recommendation', 'assessment', 'link') && search.results ? search.run() : null,
      changes.touches('database') && loaded(backups) ? backups.load() : null,
      changes.touches('cycle', 'organisation') && loaded(preambles) ? preambles.load() : null,
      changes.touches('report') && loaded(reports) ? reports.load() : null,
      changes.touches('letter') && loaded(bin) ? bin.load() : null,
      history.refresh(),
    ])
    // Statuses depend on the working cycle, which the cycles list may just have changed.
    await Promise.all([
      changes.touches('recommendation', 'assessment', 'link', 'passage', 'cycle', 'report', 'organisation') && loaded(recommendations) ? recommendations.load() : null,
      openRecommendationChanged() ? recommendation.reload() : null,
      changes.touches('assessment', 'recommendation', 'link', 'letter', 'cycle', 'commitment', 'organisation', 'group') && loaded(dashboard) ? dashboard.load() : null,
      changes.touches('assessment', 'recommendation', 'cycle') && loaded(comparison) ? comparison.load() : null,
    ])
  }

  return { revision, start, stop }
})
