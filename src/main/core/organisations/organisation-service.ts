// The organisation register: who writes to the committee, and how to recognise them.
import { AppError } from '../../../shared/api/errors'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import { readCsv, splitList } from '../csv/read-csv'
import { ChangeRecorder } from '../history/changes'
import { moveOnVersion } from '../history/versions'
import type { RegisterEntry } from '../letters/infer-metadata'
import { placeGroupsFirst, resolveGroup } from './group-order'
import { addOrganisationRows, cleanDomains, cleanList, setList } from './organisation-edits'
import { fragmentsByOrganisation } from './organisation-list'
import { organisationIdByName, registerEntries } from './organisation-repository'
import { domainOwner } from './register-edit-repository'

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


/**
 * What the importer matches senders against: names, aliases and domains, without letter counts
 * (import runs this per file). Address fragments count as aliases: a letterhead's address names
 * its sender as surely as its name does.
 */
export async function loadRegister(ctx: CoreContext): Promise<RegisterEntry[]> {
  const rows = await registerEntries(ctx.db)
  const fragments = await fragmentsByOrganisation(ctx.db)
  return rows.map((row) => ({ id: row.id, name: row.name, aliases: [...(JSON.parse(row.aliases) as string[]), ...(fragments.get(row.id) ?? [])], domains: JSON.parse(row.domains) as string[] }))
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

/**
 * Creates or updates organisations by name, all in one transaction. Each category is matched to a
 * group (groupForCategory: "Policing" is "Policing and prosecution"), an unknown one becomes a
 * group, and the groups the file names come first, in the order they first appear in it.
 */
export async function upsertOrganisations(ctx: CoreContext, inputs: OrganisationInput[]): Promise<UpsertSummary> {
  const summary: UpsertSummary = { created: 0, updated: 0 }
  await ctx.db.transaction().execute(async (trx) => {
    const groupsInFileOrder: number[] = []
    for (const input of inputs) {
      const recorder = new ChangeRecorder(trx)
      const existing = await organisationIdByName(trx, input.name)
      let id: number
      if (existing !== undefined) {
        id = existing
        await recorder.update('organisations', id, { group_id: await resolveGroup(trx, recorder, input.group) })
        await setList(trx, recorder, id, 'aliases', cleanList(input.aliases))
        const domains = cleanDomains(input.emailDomains)
        for (const domain of domains) await refuseDomainOfAnother(trx, domain, id, input.name)
        await setList(trx, recorder, id, 'domains', domains)
        // A file that changed the entry makes its open editors stale; one that matched it leaves it be.
        if (recorder.changes.length > 0) await moveOnVersion(recorder, 'organisations', id, { by: ctx.actor, at: ctx.now() })
        summary.updated++
      } else {
        for (const domain of cleanDomains(input.emailDomains)) await refuseDomainOfAnother(trx, domain, null, input.name)
        id = await addOrganisationRows(ctx, trx, recorder, input)
        summary.created++
      }
      groupsInFileOrder.push(await resolveGroup(trx, recorder, input.group))
      await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: existing !== undefined ? 'Updated organisation' : 'Added organisation', entity: 'organisation', entityId: id, after: input, changes: recorder.changes })
    }
    const recorder = new ChangeRecorder(trx)
    await placeGroupsFirst(trx, recorder, groupsInFileOrder)
    if (recorder.changes.length > 0) {
      await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: 'Ordered stakeholder groups as in the register file', entity: 'group', entityId: null, changes: recorder.changes })
    }
  })
  return summary
}

async function refuseDomainOfAnother(trx: Parameters<typeof domainOwner>[0], domain: string, id: number | null, name: string): Promise<void> {
  const owner = await domainOwner(trx, domain)
  if (owner && owner.id !== id) throw new AppError('conflict', `The e-mail domain ${domain} is given to two organisations (${name} and ${owner.name}); each domain can belong to one only.`)
}
