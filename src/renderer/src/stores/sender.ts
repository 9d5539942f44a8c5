// "Add as a new organisation" for a sender the importer did not recognise: the stakeholder groups
// to choose from, creating the organisation (the core gives it every letter from its e-mail
// domains) and assigning the open letter to it.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Organisation, StakeholderGroup } from '../../../shared/domain/dto'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'
import { useLetterStore } from './letter'
import { useLettersStore } from './letters'
import { useOrganisationsStore } from './organisations'

export interface NewSender {
  name: string
  group: string
  emailDomains: string[]
  aliases: string[]
}

export const useSenderStore = defineStore('sender', () => {
  const groups = ref<StakeholderGroup[]>([])
  const groupsRequest = useRequest()
  const creating = useRequest()

  async function loadGroups() {
    if (groups.value.length > 0) return
    await groupsRequest.run(() => api.call('groups.list', {}), (value) => (groups.value = value))
  }

  /** Adds the organisation and gives the open letter to it; resolves to the organisation. */
  async function create(sender: NewSender): Promise<Organisation | null> {
    let created: Organisation | null = null
    const ok = await creating.run(
      () => api.call('organisations.create', { name: sender.name.trim(), group: sender.group, aliases: sender.aliases, emailDomains: sender.emailDomains }),
      (value) => (created = value),
    )
    if (!ok || !created) return null
    const organisation: Organisation = created
    const letter = useLetterStore()
    await useOrganisationsStore().load()
    // Letters from its e-mail domain were given to it by the core; this one may have had no domain.
    if (letter.letter && letter.letter.organisation !== organisation.name) await letter.update({ organisationId: organisation.id })
    else if (letter.letter) await Promise.all([letter.reload(), useLettersStore().load()])
    return organisation
  }

  function reset() {
    creating.reset()
  }

  return {
    groups,
    groupsStatus: groupsRequest.status,
    groupsError: groupsRequest.error,
    createStatus: creating.status,
    createError: creating.error,
    loadGroups,
    create,
    reset,
  }
})
