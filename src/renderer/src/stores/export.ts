// The progress summary and the register, out of the app: the layout settings (stored with the
// data, so every export agrees), the outline they give, the Word export itself and the register
// as a spreadsheet. The core asks where to save (a dialog under Electron, the downloads folder in
// the browser harness) and reports whether anything was written.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ExportResult, ExportSettings, SummaryOutline } from '../../../shared/domain/dto'
import { api } from '../api'
import { messageOf, useRequest } from '../composables/useRequest'
import { useCyclesStore } from './cycles'

export type SettingsChange = Partial<Omit<ExportSettings, 'groupOrder'>> & { groupOrder?: string[] }
export type OpenOutcome = { path: string; opened: boolean } | null

export const useExportStore = defineStore('export', () => {
  const settings = ref<ExportSettings | null>(null)
  const settingsRequest = useRequest()
  const saving = useRequest()
  /** Groups left out of this export (not stored: the committee's order is, a one-off omission is not). */
  const excluded = ref<string[]>([])

  const outline = ref<SummaryOutline | null>(null)
  const outlineRequest = useRequest()

  const result = ref<ExportResult | null>(null)
  const request = useRequest()
  /** A reason not to export that the app can see before asking the core. */
  const problem = ref<string | null>(null)
  const exportError = computed(() => problem.value ?? (request.status.value === 'error' ? request.error.value : null))
  const registerResult = ref<ExportResult | null>(null)
  const registerRequest = useRequest()
  const registerFormat = ref<'csv' | 'xlsx' | null>(null)
  const opened = ref<OpenOutcome>(null)
  const openError = ref<string | null>(null)

  /** Saves run one after another, and an export waits for the last one. */
  let saveChain: Promise<unknown> = Promise.resolve()

  const includeAnnex = computed(() => settings.value?.includeAnnex ?? true)
  const includedGroups = computed(() => (settings.value?.groupOrder ?? []).filter((group) => !excluded.value.includes(group)))

  function options() {
    const cycleId = useCyclesStore().selectedId
    const current = settings.value
    return {
      ...(cycleId === null ? {} : { cycleId }),
      ...(current
        ? {
            groups: includedGroups.value,
            includeAnnex: current.includeAnnex,
            includeCorrespondence: current.includeCorrespondence,
            footnotes: current.footnotes,
          }
        : {}),
    }
  }

  async function loadSettings() {
    await settingsRequest.run(() => api.call('summary.settings', {}), (value) => (settings.value = value))
  }

  async function ensureSettings() {
    if (settingsRequest.status.value === 'idle' || settingsRequest.status.value === 'error') await loadSettings()
  }

  async function loadOutline() {
    if (settings.value && includedGroups.value.length === 0) {
      outline.value = null
      return
    }
    await outlineRequest.run(() => api.call('summary.outline', options()), (value) => (outline.value = value))
  }

  /** Applies a change at once (so the form and outline follow) and stores it in the background. */
  function saveSettings(change: SettingsChange): Promise<unknown> {
    if (settings.value) settings.value = { ...settings.value, ...change }
    saveChain = saveChain.then(() => saving.run(() => api.call('summary.saveSettings', change)))
    const done = saveChain.then(() => loadOutline())
    return done
  }

  function setIncluded(group: string, included: boolean) {
    excluded.value = included ? excluded.value.filter((g) => g !== group) : [...excluded.value, group]
    void loadOutline()
  }

  /** Steps of one reordering wait here, so that they are stored (and undone) as one change. */
  let orderTimer: ReturnType<typeof setTimeout> | null = null
  const ORDER_SETTLE_MS = 800

  /**
   * Moves a group at once on screen. A drag is stored straight away; keyboard steps (Move up,
   * Alt+Up …) are stored when they pause, so fourteen steps are one change in History.
   */
  function moveGroup(group: string, to: number, now = false) {
    if (!settings.value) return
    const order = [...settings.value.groupOrder]
    const from = order.indexOf(group)
    if (from === -1 || to < 0 || to >= order.length || from === to) return
    order.splice(from, 1)
    order.splice(to, 0, group)
    settings.value = { ...settings.value, groupOrder: order }
    if (orderTimer) clearTimeout(orderTimer)
    orderTimer = setTimeout(() => void flushOrder(), now ? 0 : ORDER_SETTLE_MS)
  }

  /** Stores a reordering still waiting; resolves once it is stored. */
  function flushOrder(): Promise<unknown> {
    if (!orderTimer) return saveChain
    clearTimeout(orderTimer)
    orderTimer = null
    return saveSettings({ groupOrder: settings.value?.groupOrder ?? [] })
  }

  /** Whether a reordering is waiting to be stored (a refresh then would undo it on screen). */
  const reordering = () => orderTimer !== null

  async function exportSummary() {
    if (request.status.value === 'loading') return
    result.value = null
    opened.value = null
    openError.value = null
    problem.value = null
    await flushOrder()
    await saveChain
    if (settings.value && includedGroups.value.length === 0) {
      request.reset()
      problem.value = 'Every stakeholder group is left out, so the summary would be empty. Include at least one group.'
      return
    }
    await request.run(() => api.call('summary.export', options()), (value) => (result.value = value))
  }

  async function exportRegister(format: 'csv' | 'xlsx') {
    if (registerRequest.status.value === 'loading') return
    registerResult.value = null
    registerFormat.value = format
    opened.value = null
    openError.value = null
    await registerRequest.run(() => api.call('register.export', { format }), (value) => (registerResult.value = value))
  }

  /** Opens a file this session exported; outside the desktop app the core says it cannot. */
  async function openExported(path: string) {
    opened.value = null
    openError.value = null
    try {
      const outcome = await api.call('files.openExport', { path })
      opened.value = { path, opened: outcome.opened }
    } catch (caught) {
      openError.value = messageOf(caught)
    }
  }

  return {
    settings,
    settingsStatus: settingsRequest.status,
    settingsError: settingsRequest.error,
    saveStatus: saving.status,
    saveError: saving.error,
    excluded,
    includedGroups,
    outline,
    outlineStatus: outlineRequest.status,
    outlineError: outlineRequest.error,
    result,
    includeAnnex,
    status: request.status,
    error: exportError,
    registerResult,
    registerFormat,
    registerStatus: registerRequest.status,
    registerError: registerRequest.error,
    opened,
    openError,
    loadSettings,
    ensureSettings,
    loadOutline,
    saveSettings,
    setIncluded,
    moveGroup,
    flushOrder,
    reordering,
    exportSummary,
    exportRegister,
    openExported,
  }
})
