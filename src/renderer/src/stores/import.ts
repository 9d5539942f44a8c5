// Importing letters: files go to the core in batches, so a large drop shows progress, can be
// cancelled between batches, and never exceeds what one call may carry.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { MAX_FILE_BYTES, MAX_FILES_PER_CALL } from '../../../shared/api/limits'
import type { ImportOutcome } from '../../../shared/domain/dto'
import { api } from '../api'
import { messageOf, type LoadStatus } from '../composables/useRequest'
import { batchFiles, formatBytes, readAsBase64 } from '../lib/files'
import { useAppStore } from './app'
import { useLettersStore } from './letters'

const BATCH_FILES = Math.min(20, MAX_FILES_PER_CALL)
const BATCH_BYTES = 24 * 1024 * 1024

export const useImportStore = defineStore('import', () => {
  const results = ref<ImportOutcome[]>([])
  const status = ref<LoadStatus>('idle')
  const error = ref<string | null>(null)
  const total = ref(0)
  const done = ref(0)
  const cancelRequested = ref(false)
  const cancelled = ref(false)

  const counts = computed(() => ({
    imported: results.value.filter((r) => r.status === 'imported').length,
    duplicate: results.value.filter((r) => r.status === 'duplicate').length,
    failed: results.value.filter((r) => r.status === 'failed').length,
  }))

  async function importFiles(files: File[]) {
    if (status.value === 'loading' || files.length === 0) return
    results.value = []
    error.value = null
    total.value = files.length
    done.value = 0
    cancelRequested.value = false
    cancelled.value = false
    status.value = 'loading'

    // Files the core would refuse anyway are reported here without sending them.
    const tooLarge = files.filter((file) => file.size > MAX_FILE_BYTES)
    for (const file of tooLarge) {
      results.value.push({ file: file.name, status: 'failed', error: `This file is ${formatBytes(file.size)}, more than the ${formatBytes(MAX_FILE_BYTES)} a letter may be. Import a smaller copy.` })
    }
    done.value = tooLarge.length
    try {
      for (const batch of batchFiles(files.filter((file) => file.size <= MAX_FILE_BYTES), BATCH_FILES, BATCH_BYTES)) {
        if (cancelRequested.value) {
          cancelled.value = true
          break
        }
        const encoded = await Promise.all(batch.map(async (file) => ({ name: file.name, dataBase64: await readAsBase64(file) })))
        results.value.push(...(await api.call('letters.import', { files: encoded })))
        done.value += batch.length
      }
      status.value = 'ready'
    } catch (caught) {
      error.value = messageOf(caught)
      status.value = 'error'
    }
    await Promise.all([useLettersStore().load(), useAppStore().load()])
  }

  function cancel() {
    cancelRequested.value = true
  }

  function dismiss() {
    if (status.value === 'loading') return
    results.value = []
    error.value = null
    status.value = 'idle'
  }

  return { results, counts, status, error, total, done, cancelRequested, cancelled, importFiles, cancel, dismiss }
})
