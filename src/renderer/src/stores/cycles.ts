// Reporting cycles, newest first (the core's order), and the one the secretariat is working on:
// it is shared by the recommendations table, the assessment editor and the export panel.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Cycle } from '../../../shared/domain/dto'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'

export type CopyChoice = 'nothing' | 'statuses' | 'statuses-and-narratives'

export interface NewCycle {
  name: string
  startsOn: string | null
  endsOn: string | null
  copy: CopyChoice
  copyFrom: number | null
}

export const useCyclesStore = defineStore('cycles', () => {
  const cycles = ref<Cycle[]>([])
  const request = useRequest()
  const selectedId = ref<number | null>(null)
  const creating = useRequest()
  /** What the last "Start a new cycle" did, in words. */
  const createdMessage = ref<string | null>(null)

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

  /** Starts a cycle and makes it the working one (statuses copied as asked). */
  async function create(input: NewCycle): Promise<boolean> {
    createdMessage.value = null
    const ok = await creating.run(
      () =>
        api.call('cycles.create', {
          name: input.name.trim(),
          startsOn: input.startsOn || null,
          endsOn: input.endsOn || null,
          copy: input.copy,
          ...(input.copyFrom === null || input.copy === 'nothing' ? {} : { copyFrom: input.copyFrom }),
        }),
      (cycle) => {
        const copied =
          cycle.copiedFrom && cycle.copied > 0
            ? ` ${cycle.copied === 1 ? '1 status was' : `${cycle.copied} statuses were`} copied from the ${cycle.copiedFrom}.`
            : ' It starts with every recommendation not yet assessed.'
        createdMessage.value = `Started the ${cycle.name}.${copied}`
        selectedId.value = cycle.id
      },
    )
    if (ok) await load()
    return ok
  }

  /** Forgets the last attempt's error, so the dialog opens afresh. */
  function resetCreate() {
    creating.reset()
  }

  return {
    cycles,
    status: request.status,
    error: request.error,
    selectedId,
    selected,
    createStatus: creating.status,
    createError: creating.error,
    createdMessage,
    load,
    ensureLoaded,
    create,
    resetCreate,
  }
})
