// Fixing a sender the importer did not recognise: first "Add as an alias of…" an organisation
// already in the register (the closest names offered), else "Add as a new organisation". Either
// way the open letter is given to it, and the other letters waiting for the same sender are
// offered the same fix. Lists refresh themselves from the core's `changed` events (stores/live.ts).
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ClosestOrganisation, UnmatchedLetter } from '../../../shared/api/organisations'
import type { Organisation, StakeholderGroup } from '../../../shared/domain/dto'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'

export interface NewSender {
  name: string
  group: string
  emailDomains: string[]
  aliases: string[]
}

/** Who the importer saw: the sender's name and e-mail domain, as far as it could tell. */
export interface SenderClue {
  name: string | null
  domain: string | null
}

/** Other letters from the same sender, offered to the organisation just chosen. */
export interface FollowUp {
  organisationId: number
  organisation: string
  letters: UnmatchedLetter[]
}

export const useSenderStore = defineStore('sender', () => {
  const groups = ref<StakeholderGroup[]>([])
  const groupsRequest = useRequest()
  const creating = useRequest()
  const closest = ref<ClosestOrganisation[]>([])
  const closestRequest = useRequest()
  const aliasing = useRequest()
  const followUp = ref<FollowUp | null>(null)
  const following = useRequest()

  async function loadGroups() {
    if (groups.value.length > 0) return
    await groupsRequest.run(() => api.call('groups.list', {}), (value) => (groups.value = value))
  }

  async function loadClosest(name: string) {
    closest.value = []
    await closestRequest.run(() => api.call('organisations.closest', { name, limit: 5 }), (value) => (closest.value = value))
  }

  /** Gives the letter to the organisation, then looks for other letters from the same sender. */
  async function settle(organisation: { id: number; name: string }, letterId: number, clue: SenderClue): Promise<void> {
    await api.call('organisations.assignLetters', { organisationId: organisation.id, letterIds: [letterId] })
    const others = await api.call('organisations.unmatchedLetters', { ...(clue.name ? { senderName: clue.name } : {}), ...(clue.domain ? { senderDomain: clue.domain } : {}) })
    const letters = others.filter((l) => l.id !== letterId)
    followUp.value = letters.length > 0 ? { organisationId: organisation.id, organisation: organisation.name, letters } : null
  }

  /** "Add as an alias of…": the sender's name (and, if wanted, its e-mail domain) join the organisation. */
  async function addAlias(organisation: { id: number; name: string }, letterId: number, clue: SenderClue, withDomain: boolean): Promise<boolean> {
    return aliasing.run(async () => {
      await api.call('organisations.update', {
        id: organisation.id,
        ...(clue.name ? { addAliases: [clue.name] } : {}),
        ...(withDomain && clue.domain ? { addDomains: [clue.domain] } : {}),
      })
      await settle(organisation, letterId, clue)
    })
  }

  /** "Add as a new organisation": it joins the register with the open letter (and its domain's letters). */
  async function create(sender: NewSender, letterId: number, clue: SenderClue): Promise<Organisation | null> {
    let created: Organisation | null = null
    const ok = await creating.run(
      async () => {
        const organisation = await api.call('organisations.create', { name: sender.name.trim(), group: sender.group, aliases: sender.aliases, emailDomains: sender.emailDomains })
        await settle(organisation, letterId, clue)
        return organisation
      },
      (value) => (created = value),
    )
    return ok ? created : null
  }

  /** The same fix for the other letters from that sender. */
  async function applyFollowUp(): Promise<boolean> {
    const offer = followUp.value
    if (!offer) return false
    const ok = await following.run(() => api.call('organisations.assignLetters', { organisationId: offer.organisationId, letterIds: offer.letters.map((l) => l.id) }))
    if (ok) followUp.value = null
    return ok
  }

  function dismissFollowUp() {
    followUp.value = null
    following.reset()
  }

  function reset() {
    creating.reset()
    aliasing.reset()
  }

  return {
    groups,
    groupsStatus: groupsRequest.status,
    groupsError: groupsRequest.error,
    createStatus: creating.status,
    createError: creating.error,
    closest,
    closestStatus: closestRequest.status,
    aliasStatus: aliasing.status,
    aliasError: aliasing.error,
    followUp,
    followStatus: following.status,
    followError: following.error,
    loadGroups,
    loadClosest,
    addAlias,
    create,
    applyFollowUp,
    dismissFollowUp,
    reset,
  }
})
