// The stakeholder groups in the report's order, including any with no organisation of their own
// (a recommendation can be addressed to a whole group).
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { StakeholderGroup } from '../../../shared/domain/dto'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'

export const useGroupsStore = defineStore('groups', () => {
  const groups = ref<StakeholderGroup[]>([])
  const names = computed(() => groups.value.map((group) => group.name))
  const request = useRequest()

  async function load() {
    await request.run(() => api.call('groups.list', {}), (value) => (groups.value = value))
  }

  async function ensureLoaded() {
    if (request.status.value === 'idle' || request.status.value === 'error') await load()
  }

  return { groups, names, status: request.status, error: request.error, load, ensureLoaded }
})
