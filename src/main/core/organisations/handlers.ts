// The organisations slice of the contract: the register, its groups, and the chase list.
import type { organisationsContract } from '../../../shared/api/organisations'
import type { HandlerDeps, SliceHandlers } from '../handler-deps'
import { chaseList } from './chase-list'
import { createOrganisation } from './create-organisation'
import { listGroups } from './groups'
import { listOrganisations, parseOrganisationsCsv, upsertOrganisations } from './organisation-service'

export function organisationsHandlers({ ctx }: HandlerDeps): SliceHandlers<typeof organisationsContract> {
  return {
    'groups.list': () => listGroups(ctx.db),
    'organisations.list': () => listOrganisations(ctx),
    'organisations.create': (input) => createOrganisation(ctx, input),
    'organisations.importCsv': ({ csv }) => upsertOrganisations(ctx, parseOrganisationsCsv(csv)),
    'chase.list': (input) => chaseList(ctx, input),
  }
}
