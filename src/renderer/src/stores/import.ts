// Importing letters: files go to the core in batches, so a large drop shows progress, can be
// cancelled, and never exceeds what one call may carry. Cancel tells the core too (the import is
// named by a random id), which then stores no further file of the batch it is working on; files
// not yet sent are not sent. The letters list fills from the core's `changed` events as each
// group of files is stored (stores/live.ts). Batches start small (the
// first results and the progress bar appear at once) and grow while the core answers quickly, so
// a 1 000-file folder is not sent one slow file at a time. Between batches the store yields to
// the browser, so the window keeps painting and answering clicks (Cancel among them).
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { MAX_FILE_BYTES, MAX_FILES_PER_CALL } from '../../../shared/api/limits'
import type { ImportOutcome } from '../../../shared/domain/dto'
import { api } from '../api'
import { messageOf, type LoadStatus } from '../composables/useRequest'
import { formatBytes, readAsBase64 } from '../lib/files'

const FIRST_BATCH = 4
const MAX_BATCH = Math.min(25, MAX_FILES_PER_CALL)
const BATCH_BYTES = 24 * 1024 * 1024
/** How long one call should take: long enough to be efficient, short enough for Cancel to feel prompt. */
const TARGET_MS = 1500

/** Files a folder carries that are nobody's letters (Finder and Explorer bookkeeping). */
const SYSTEM_FILE = /^(\..*|thumbs\.db|desktop\.ini|~\$.*)$/i

/** A file and the path it was found under (a dropped or chosen folder), for the results list. */
export interface ImportFile {
  file: File
  path: string
}

const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

export const useImportStore = defineStore('import', () => {
  const results = ref<ImportOutcome[]>([])
  const status = ref<LoadStatus>('idle')
  const error = ref<string | null>(null)
  const total = ref(0)
  const done = ref(0)
  /** The files being read by the core now: the first one's name and how many are with it. */
  const current = ref<{ name: string; others: number } | null>(null)
  const startedAt = ref<number | null>(null)
  const finishedAt = ref<number | null>(null)
  /** System files left out of a folder (".DS_Store", "Thumbs.db"). */
  const skipped = ref(0)
  const cancelRequested = ref(false)
  const cancelled = ref(false)
  let importId = ''

  const counts = computed(() => ({
    imported: results.value.filter((r) => r.status === 'imported').length,
    duplicate: results.value.filter((r) => r.status === 'duplicate').length,
    failed: results.value.filter((r) => r.status === 'failed').length,
    nearDuplicates: results.value.filter((r) => r.status === 'imported' && r.nearDuplicateOf !== null).length,
    cancelled: results.value.filter((r) => r.status === 'cancelled').length,
  }))

  /** Accepts plain Files (a file dialog) or Files with their folder path (a folder, a drop). */
  async function importFiles(input: (File | ImportFile)[]) {
    if (status.value === 'loading' || input.length === 0) return
    const all = input.map((item) => (item instanceof File ? { file: item, path: item.webkitRelativePath || item.name } : item))
    const files = all.filter((item) => !SYSTEM_FILE.test(item.file.name))
    skipped.value = all.length - files.length
    results.value = []
    error.value = null
    total.value = files.length
    done.value = 0
    current.value = null
    cancelRequested.value = false
    cancelled.value = false
    importId = crypto.randomUUID()
    startedAt.value = Date.now()
    finishedAt.value = null
    status.value = 'loading'

    // Files the core would refuse anyway are reported here without sending them.
    const queue: ImportFile[] = []
    for (const item of files) {
      if (item.file.size > MAX_FILE_BYTES) {
        results.value.push({
          file: item.path,
          status: 'failed',
          error: `This file is ${formatBytes(item.file.size)}, more than the ${formatBytes(MAX_FILE_BYTES)} a letter may be. Import a smaller copy.`,
        })
        done.value++
      } else queue.push(item)
    }

    let size = FIRST_BATCH
    try {
      while (queue.length > 0 && !cancelRequested.value) {
        const batch = takeBatch(queue, size)
        current.value = { name: batch[0]!.path, others: batch.length - 1 }
        const began = performance.now()
        const encoded = await Promise.all(batch.map(async (item) => ({ name: item.file.name, dataBase64: await readAsBase64(item.file) })))
        const outcomes = await api.call('letters.import', { files: encoded, importId })
        // The results name the file by its path in the folder, which says more than its name alone.
        // A mailbox (.mbox) gives one outcome per message, numbered from 1, in file order.
        let index = -1
        for (const outcome of outcomes) {
          if (!outcome.message || outcome.message.number === 1) index++
          const path = batch[index]?.path
          const file = path && outcome.message ? `${path} › message ${outcome.message.number} of ${outcome.message.of}` : (path ?? outcome.file)
          results.value.push({ ...outcome, file })
        }
        done.value += batch.length
        const took = Math.max(1, performance.now() - began)
        size = Math.max(1, Math.min(MAX_BATCH, Math.round((batch.length * TARGET_MS) / took)))
        await yieldToBrowser()
      }
      if (cancelRequested.value) {
        // The files never sent were not imported either: listed, so they can be imported later.
        for (const item of queue.splice(0)) results.value.push({ file: item.path, status: 'cancelled' })
        done.value = total.value
        cancelled.value = true
      }
      status.value = 'ready'
    } catch (caught) {
      error.value = `${messageOf(caught)} ${done.value === 0 ? 'Nothing was imported.' : `The ${done.value} files before it were dealt with; the rest were not imported.`}`
      status.value = 'error'
    }
    current.value = null
    finishedAt.value = Date.now()
  }

  function takeBatch(queue: ImportFile[], size: number): ImportFile[] {
    const batch: ImportFile[] = []
    let bytes = 0
    while (queue.length > 0 && batch.length < size) {
      const next = queue[0]!
      if (batch.length > 0 && bytes + next.file.size > BATCH_BYTES) break
      batch.push(queue.shift()!)
      bytes += next.file.size
    }
    return batch
  }

  function cancel() {
    if (status.value !== 'loading' || cancelRequested.value) return
    cancelRequested.value = true
    // If the core cannot be told, the import still stops before the next batch.
    void api.call('letters.cancelImport', { importId }).catch(() => undefined)
  }

  function dismiss() {
    if (status.value === 'loading') return
    results.value = []
    error.value = null
    skipped.value = 0
    status.value = 'idle'
  }

  return {
    results,
    counts,
    status,
    error,
    total,
    done,
    current,
    startedAt,
    finishedAt,
    skipped,
    cancelRequested,
    cancelled,
    importFiles,
    cancel,
    dismiss,
  }
})
