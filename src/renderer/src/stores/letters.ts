// The inbox: the letters matching the filters. Organisation and linked/unlinked are asked of the
// core; group, format, the date range and the search words narrow the loaded list here,
// instantly, as someone types.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { LetterFormat, LetterSummary } from '../../../shared/domain/dto'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'

export type LinkedFilter = 'all' | 'linked' | 'unlinked'

export const useLettersStore = defineStore('letters', () => {
  const items = ref<LetterSummary[]>([])
  const request = useRequest()
  const linked = ref<LinkedFilter>('all')
  const organisationId = ref<number | null>(null)
  const group = ref<string | null>(null)
  const search = ref('')
  const format = ref<LetterFormat | null>(null)
  /** YYYY-MM-DD, inclusive; letters without a date drop out once either end is set. */
  const dateFrom = ref('')
  const dateTo = ref('')

  const visible = computed(() => {
    const words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean)
    return items.value.filter((letter) => {
      if (group.value && letter.group !== group.value) return false
      if (format.value && letter.format !== format.value) return false
      if ((dateFrom.value || dateTo.value) && !letter.date) return false
      if (dateFrom.value && letter.date! < dateFrom.value) return false
      if (dateTo.value && letter.date!.slice(0, 10) > dateTo.value) return false
      if (words.length === 0) return true
      const haystack = [letter.organisation, letter.subject, letter.fileName, ...letter.linkedRecommendations].join(' ').toLowerCase()
      return words.every((word) => haystack.includes(word))
    })
  })

  const hasFilters = computed(
    () =>
      linked.value !== 'all' ||
      organisationId.value !== null ||
      group.value !== null ||
      format.value !== null ||
      dateFrom.value !== '' ||
      dateTo.value !== '' ||
      search.value.trim() !== '',
  )

  async function load() {
    const input = { linked: linked.value, ...(organisationId.value === null ? {} : { organisationId: organisationId.value }) }
    await request.run(() => api.call('letters.list', input), (value) => (items.value = value))
  }

  function clearFilters() {
    linked.value = 'all'
    organisationId.value = null
    group.value = null
    format.value = null
    dateFrom.value = ''
    dateTo.value = ''
    search.value = ''
  }

  return { items, visible, status: request.status, error: request.error, linked, organisationId, group, search, format, dateFrom, dateTo, hasFilters, load, clearFilters }
})
