// Backups of the database: the list, "Back up now" and restoring one. Restoring replaces every
// piece of data at once, so afterwards everything loaded is fetched again.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { BackupInfo } from '../../../shared/domain/dto'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'
import { longDateTime } from '../lib/datetime'

export const useBackupsStore = defineStore('backups', () => {
  const backups = ref<BackupInfo[]>([])
  const request = useRequest()
  const working = useRequest()
  const message = ref<string | null>(null)

  async function load() {
    await request.run(
      () => api.call('backup.list', {}),
      // Newest first, whatever order the folder listing gave.
      (value) => (backups.value = [...value].sort((a, b) => b.takenAt.localeCompare(a.takenAt))),
    )
  }

  async function backUpNow() {
    if (working.status.value === 'loading') return
    message.value = null
    const ok = await working.run(() => api.call('backup.now', {}), (backup) => (message.value = `Backup taken on ${longDateTime(backup.takenAt)}.`))
    if (ok) await load()
  }

  /** Restores a backup from the list by name, or (no name, desktop only) one chosen in a dialog. */
  async function restore(backup: BackupInfo | null): Promise<boolean> {
    if (working.status.value === 'loading') return false
    message.value = null
    let restored = false
    const ok = await working.run(
      () => api.call('backup.restore', backup ? { name: backup.name } : {}),
      (outcome) => {
        restored = outcome.restored
        if (!outcome.restored) message.value = 'Nothing was restored.'
        else {
          const from = backup ? `the backup taken on ${longDateTime(backup.takenAt)}` : 'the chosen backup'
          const kept = outcome.keptAs ? ` The file you were working on was kept as ${outcome.keptAs}.` : ''
          message.value = `Restored ${from}.${kept}`
        }
      },
    )
    // Every other list follows from the core's change event for the restored database.
    if (ok && restored) await load()
    return ok && restored
  }

  return {
    backups,
    status: request.status,
    error: request.error,
    workStatus: working.status,
    workError: working.error,
    message,
    load,
    backUpNow,
    restore,
  }
})
