// The organisation register as the app shows it: each organisation with its group, aliases,
// domains, address fragments, letters and version.
import type { Organisation } from '../../../shared/domain/dto'
import type { CoreContext } from '../context'
import type { Executor } from '../db/database'
import { organisationsInRegisterOrder } from './organisation-repository'
import { allAddressFragments } from './register-edit-repository'

export async function fragmentsByOrganisation(db: Executor): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>()
  for (const row of await allAddressFragments(db)) map.set(row.organisation_id, [...(map.get(row.organisation_id) ?? []), row.fragment])
  return map
}

/** The register; `db` is a transaction when read inside one (a stale save's stored value). */
export async function listOrganisations(ctx: CoreContext, db: Executor = ctx.db): Promise<Organisation[]> {
  const rows = await organisationsInRegisterOrder(db)
  const fragments = await fragmentsByOrganisation(db)
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    group: row.group,
    aliases: JSON.parse(row.aliases) as string[],
    emailDomains: JSON.parse(row.domains) as string[],
    addressFragments: fragments.get(row.id) ?? [],
    letterCount: row.letterCount,
    lastLetterDate: row.lastLetterDate,
    version: row.version,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt,
  }))
}
