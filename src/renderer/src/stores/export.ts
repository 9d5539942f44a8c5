// Exporting the progress summary to Word. The core asks where to save (a dialog under Electron,
// the downloads folder in the browser harness) and reports whether anything was written.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ExportResult } from '../../../shared/domain/dto'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'

export const useExportStore = defineStore('export', () => {
  const result = ref<ExportResult | null>(null)
  const request = useRequest()
  const includeAnnex = ref(true)

  async function exportSummary(cycleId: number | null) {
    if (request.status.value === 'loading') return
    result.value = null
    const input = { includeAnnex: includeAnnex.value, ...(cycleId === null ? {} : { cycleId }) }
    await request.run(() => api.call('summary.export', input), (value) => (result.value = value))
  }

  return { result, includeAnnex, status: request.status, error: request.error, exportSummary }
})
