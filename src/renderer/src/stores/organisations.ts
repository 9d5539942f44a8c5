// The register of organisations, in the core's order (stakeholder group, then name).
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Organisation } from '../../../shared/domain/dto'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'

export interface OrganisationGroup {
  name: string
  organisations: Organisation[]
}

export const useOrganisationsStore = defineStore('organisations', () => {
  const items = ref<Organisation[]>([])
  const request = useRequest()

  const groups = computed<OrganisationGroup[]>(() => {
    const byName = new Map<string, OrganisationGroup>()
    for (const organisation of items.value) {
      const group = byName.get(organisation.group) ?? { name: organisation.group, organisations: [] }
      group.organisations.push(organisation)
      byName.set(organisation.group, group)
    }
    return [...byName.values()]
  })

  const groupNames = computed(() => groups.value.map((group) => group.name))

  const groupOf = computed(() => new Map(items.value.map((organisation) => [organisation.name, organisation.group])))

  async function load() {
    await request.run(() => api.call('organisations.list', {}), (value) => (items.value = value))
  }

  async function ensureLoaded() {
    if (request.status.value === 'idle' || request.status.value === 'error') await load()
  }

  return { items, groups, groupNames, groupOf, status: request.status, error: request.error, load, ensureLoaded }
})
