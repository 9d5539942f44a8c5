// "Start empty", step by step: the register and the recommendations from CSV files (the columns
// the CLI reads too), then the first reporting cycle. Each step reports what it did in words.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'
import { plural } from '../lib/text'

export type CsvKind = 'organisations' | 'recommendations'

function describe(counts: { created: number; updated: number }, noun: string): string {
  if (counts.created === 0 && counts.updated === 0) return `The file held no ${noun}s.`
  const parts = [counts.created > 0 ? `added ${plural(counts.created, noun)}` : '', counts.updated > 0 ? `updated ${plural(counts.updated, noun)}` : ''].filter(Boolean)
  const sentence = parts.join(' and ')
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`
}

export const useSetupStore = defineStore('setup', () => {
  const organisations = useRequest()
  const recommendations = useRequest()
  const organisationsMessage = ref<string | null>(null)
  const recommendationsMessage = ref<string | null>(null)

  async function importCsv(kind: CsvKind, file: File, reportTitle = ''): Promise<boolean> {
    const request = kind === 'organisations' ? organisations : recommendations
    const message = kind === 'organisations' ? organisationsMessage : recommendationsMessage
    message.value = null
    const ok = await request.run(
      async () => {
        const csv = await file.text()
        return kind === 'organisations'
          ? api.call('organisations.importCsv', { csv })
          : api.call('recommendations.importCsv', { csv, ...(reportTitle.trim() ? { reportTitle: reportTitle.trim() } : {}) })
      },
      (counts) => (message.value = `${file.name}: ${describe(counts, kind === 'organisations' ? 'organisation' : 'recommendation')}`),
    )
    // The app's counts and the lists follow from the core's change event (stores/live.ts).
    return ok
  }

  return {
    organisationsStatus: organisations.status,
    organisationsError: organisations.error,
    organisationsMessage,
    recommendationsStatus: recommendations.status,
    recommendationsError: recommendations.error,
    recommendationsMessage,
    importCsv,
  }
})
