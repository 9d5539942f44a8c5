// Editing the register by hand: adding, editing and merging organisations. The lists on screen
// refresh themselves from the core's `changed` events (stores/live.ts), so this store only writes
// and says how it went.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Organisation } from '../../../shared/domain/dto'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'

/** What the organisation form holds: its name, group and lists (each entry trimmed, blanks dropped). */
export interface OrganisationDraft {
  name: string
  group: string
  aliases: string[]
  emailDomains: string[]
  addressFragments: string[]
}

export const useRegisterStore = defineStore('register', () => {
  const saving = useRequest()
  const merging = useRequest()
  /** What the last successful change did, for a status message. */
  const message = ref<string | null>(null)

  /** Adds an organisation (null) or replaces an existing one's name, group and lists, from the version opened. */
  async function save(existing: { id: number; version: number } | null, draft: OrganisationDraft): Promise<Organisation | null> {
    const id = existing?.id ?? null
    let saved: Organisation | null = null
    message.value = null
    const fields = { ...draft, name: draft.name.trim() }
    const ok = await saving.run(
      () => (existing === null ? api.call('organisations.create', fields) : api.call('organisations.update', { id: existing.id, ...fields, ifVersion: existing.version })),
      (value) => {
        saved = value
        message.value = id === null ? `${value.name} was added to the register.` : `Changes to ${value.name} were saved.`
      },
    )
    return ok ? saved : null
  }

  /** Merges `from` into `into`: `from` leaves the register and its name stays as an alias of `into`. */
  async function merge(from: Organisation, into: Organisation): Promise<boolean> {
    message.value = null
    return merging.run(
      () => api.call('organisations.merge', { fromId: from.id, intoId: into.id }),
      () => (message.value = `${from.name} was merged into ${into.name}.`),
    )
  }

  function reset() {
    saving.reset()
    merging.reset()
  }

  return {
    message,
    saveStatus: saving.status,
    saveError: saving.error,
    mergeStatus: merging.status,
    mergeError: merging.error,
    save,
    merge,
    reset,
  }
})
