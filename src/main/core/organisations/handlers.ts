// The organisations slice of the contract: the register, its groups and their order, editing and
// merging, fixing unknown senders, and the chase list.
import type { organisationsContract } from '../../../shared/api/organisations'
import type { HandlerDeps, SliceHandlers } from '../handler-deps'
import { chaseList } from './chase-list'
import { createOrganisation, organisationOf } from './create-organisation'
import { groupsInUse, reorderGroups } from './group-order'
import { listGroups } from './groups'
import { mergeOrganisations } from './merge-organisations'
import { updateOrganisation } from './organisation-edits'
import { listOrganisations } from './organisation-list'
import { parseOrganisationsCsv, upsertOrganisations } from './organisation-service'
import { assignLetters, closestTo, unmatchedLettersFrom } from './sender-fix'

export function organisationsHandlers({ ctx }: HandlerDeps): SliceHandlers<typeof organisationsContract> {
  return {
    'groups.list': () => listGroups(ctx.db),
    'groups.order': () => groupsInUse(ctx.db),
    'groups.reorder': ({ names }) => reorderGroups(ctx, names),
    'organisations.list': () => listOrganisations(ctx),
    'organisations.create': (input) => createOrganisation(ctx, input),
    'organisations.update': async (input) => {
      await updateOrganisation(ctx, input)
      return organisationOf(ctx, input.id)
    },
    'organisations.merge': async ({ fromId, intoId }) => organisationOf(ctx, (await mergeOrganisations(ctx, fromId, intoId)).into),
    'organisations.closest': ({ name, limit }) => closestTo(ctx, name, limit),
    'organisations.unmatchedLetters': (clue) => unmatchedLettersFrom(ctx, clue),
    'organisations.assignLetters': ({ organisationId, letterIds }) => assignLetters(ctx, organisationId, letterIds),
    'organisations.importCsv': ({ csv }) => upsertOrganisations(ctx, parseOrganisationsCsv(csv)),
    'chase.list': (input) => chaseList(ctx, input),
  }
}
