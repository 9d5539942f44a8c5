// What the app knows about itself: version, database, and whether the first-run choice is due.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { AppInfo } from '../../../shared/domain/dto'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'

export type StartChoice = 'demo' | 'empty'

export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null)
  const loading = useRequest()
  const starting = useRequest()
  const choice = ref<StartChoice | null>(null)

  const needsFirstRunChoice = computed(() => info.value?.needsFirstRunChoice ?? false)
  /** Nothing at all in the database: the one moment loading the demonstration data is allowed. */
  const isEmpty = computed(() => {
    const counts = info.value?.counts
    return counts !== undefined && counts.letters === 0 && counts.recommendations === 0 && counts.organisations === 0
  })

  async function load() {
    await loading.run(() => api.call('app.info', {}), (value) => (info.value = value))
  }

  async function chooseStart(wanted: StartChoice): Promise<boolean> {
    choice.value = wanted
    const ok = await starting.run(() => api.call('app.chooseStart', { choice: wanted }), (value) => (info.value = value))
    choice.value = null
    return ok
  }

  return {
    info,
    status: loading.status,
    error: loading.error,
    startStatus: starting.status,
    startError: starting.error,
    choice,
    needsFirstRunChoice,
    isEmpty,
    load,
    chooseStart,
  }
})
