// Reporting cycles, newest first (the core's order), and the one the secretariat is working on:
// it is shared by the recommendations table, the assessment editor and the export panel.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Cycle } from '../../../shared/domain/dto'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'

export const useCyclesStore = defineStore('cycles', () => {
  const cycles = ref<Cycle[]>([])
  const request = useRequest()
  const selectedId = ref<number | null>(null)

  const selected = computed(() => cycles.value.find((cycle) => cycle.id === selectedId.value) ?? null)

  async function load() {
    await request.run(
      () => api.call('cycles.list', {}),
      (value) => {
        cycles.value = value
        if (!value.some((cycle) => cycle.id === selectedId.value)) selectedId.value = value[0]?.id ?? null
      },
    )
  }

  /** Loads once; views call this on arrival so that moving between them costs nothing. */
  async function ensureLoaded() {
    if (request.status.value === 'idle' || request.status.value === 'error') await load()
  }

  return { cycles, status: request.status, error: request.error, selectedId, selected, load, ensureLoaded }
})
