// The committee's reports, and adding or editing them and their recommendations by hand. Lists on
// screen (the recommendations table, an open recommendation, this list) refresh themselves from
// the core's `changed` events (stores/live.ts).
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { RecommendationDetail, Report } from '../../../shared/domain/dto'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'

export interface ReportDraft {
  title: string
  year: number | null
  reference: string | null
}

/** What the recommendation form holds (theme null when blank). */
export interface RecommendationDraft {
  reportId: number | null
  number: string
  title: string
  text: string
  addressees: string[]
  theme: string | null
}

export const useReportsStore = defineStore('reports', () => {
  const reports = ref<Report[]>([])
  const request = useRequest()
  const savingReport = useRequest()
  const savingRecommendation = useRequest()
  const message = ref<string | null>(null)

  async function load() {
    await request.run(() => api.call('reports.list', {}), (value) => (reports.value = value))
  }

  async function ensureLoaded() {
    if (request.status.value === 'idle' || request.status.value === 'error') await load()
  }

  /** Adds a report (id null) or edits one. */
  async function saveReport(id: number | null, draft: ReportDraft): Promise<Report | null> {
    let saved: Report | null = null
    message.value = null
    const fields = { title: draft.title.trim(), year: draft.year, reference: draft.reference }
    const ok = await savingReport.run(
      () => (id === null ? api.call('reports.create', fields) : api.call('reports.update', { id, ...fields })),
      (value) => {
        saved = value
        message.value = id === null ? `The report “${value.title}” was added.` : `Changes to the report “${value.title}” were saved.`
      },
    )
    return ok ? saved : null
  }

  /** Adds a recommendation (null) or edits one from the version opened; its addressees are replaced by those given. */
  async function saveRecommendation(existing: { id: number; version: number } | null, draft: RecommendationDraft): Promise<RecommendationDetail | null> {
    const id = existing?.id ?? null
    let saved: RecommendationDetail | null = null
    message.value = null
    const report = draft.reportId === null ? {} : { reportId: draft.reportId }
    // A blank title is left to the core (a new recommendation takes one from its text; an edit keeps the old).
    const title = draft.title.trim() || undefined
    const fields = { title, text: draft.text.trim(), addressees: draft.addressees, theme: draft.theme }
    const ok = await savingRecommendation.run(
      () =>
        existing === null
          ? api.call('recommendations.create', { ...report, number: draft.number.trim(), ...fields })
          : api.call('recommendations.update', { id: existing.id, newNumber: draft.number.trim(), ...fields, ifVersion: existing.version }),
      (value) => {
        saved = value
        message.value = id === null ? `Recommendation ${value.number} was added.` : `Changes to recommendation ${value.number} were saved.`
      },
    )
    return ok ? saved : null
  }

  function reset() {
    savingReport.reset()
    savingRecommendation.reset()
  }

  return {
    reports,
    status: request.status,
    error: request.error,
    message,
    reportStatus: savingReport.status,
    reportError: savingReport.error,
    recommendationStatus: savingRecommendation.status,
    recommendationError: savingRecommendation.error,
    load,
    ensureLoaded,
    saveReport,
    saveRecommendation,
    reset,
  }
})
