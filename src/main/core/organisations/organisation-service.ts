// The organisation register: who writes to the committee, and how to recognise them.
import type { Organisation } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import { readCsv, splitList } from '../csv/read-csv'
import type { RegisterEntry } from '../letters/infer-metadata'
import { groupIdFor } from './groups'
import {
  clearAliasesAndDomains,
  insertAlias,
  insertDomain,
  insertOrganisation,
  organisationIdByName,
  organisationsInRegisterOrder,
  ownerOfDomain,
  registerEntries,
  setOrganisationGroup,
} from './organisation-repository'

export interface OrganisationInput {
  name: string
  group: string
  aliases: string[]
  emailDomains: string[]
}

export interface UpsertSummary {
  created: number
  updated: number
}

export async function listOrganisations(ctx: CoreContext): Promise<Organisation[]> {
  const rows = await organisationsInRegisterOrder(ctx.db)
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    group: row.group,
    aliases: JSON.parse(row.aliases) as string[],
    emailDomains: JSON.parse(row.domains) as string[],
    letterCount: row.letterCount,
    lastLetterDate: row.lastLetterDate,
  }))
}

/** What the importer matches senders against: names, aliases and domains, without letter counts (import runs this per file). */
export async function loadRegister(ctx: CoreContext): Promise<RegisterEntry[]> {
  const rows = await registerEntries(ctx.db)
  return rows.map((row) => ({ id: row.id, name: row.name, aliases: JSON.parse(row.aliases) as string[], domains: JSON.parse(row.domains) as string[] }))
}

export function parseOrganisationsCsv(text: string): OrganisationInput[] {
  return readCsv(text, ['name', 'category', 'aliases', 'email_domains'], 'organisations').map((row, index) => {
    if (!row.name) throw new AppError('invalid_input', `Row ${index + 2} of the organisations file has no name.`)
    if (!row.category) throw new AppError('invalid_input', `Row ${index + 2} (${row.name}) of the organisations file has no category.`)
    return {
      name: row.name,
      group: row.category,
      aliases: splitList(row.aliases),
      emailDomains: splitList(row.email_domains).map((d) => d.toLowerCase().replace(/^@/, '')),
    }
  })
}

/** Creates or updates organisations by name, all in one transaction. */
export async function upsertOrganisations(ctx: CoreContext, inputs: OrganisationInput[]): Promise<UpsertSummary> {
  const summary: UpsertSummary = { created: 0, updated: 0 }
  await ctx.db.transaction().execute(async (trx) => {
    for (const input of inputs) {
      const groupId = await groupIdFor(trx, input.group)
      const existing = await organisationIdByName(trx, input.name)
      let id: number
      if (existing !== undefined) {
        id = existing
        await setOrganisationGroup(trx, id, groupId)
        await clearAliasesAndDomains(trx, id)
        summary.updated++
      } else {
        id = await insertOrganisation(trx, { name: input.name, groupId, createdAt: ctx.now() })
        summary.created++
      }
      for (const alias of new Set(input.aliases)) await insertAlias(trx, id, alias)
      for (const domain of new Set(input.emailDomains)) {
        if ((await ownerOfDomain(trx, domain)) !== undefined) throw new AppError('conflict', `The e-mail domain ${domain} is given to two organisations (${input.name} and another); each domain can belong to one only.`)
        await insertDomain(trx, id, domain)
      }
      await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: existing !== undefined ? 'Updated organisation' : 'Added organisation', entity: 'organisation', entityId: id, after: input })
    }
  })
  return summary
}
