// The organisation register: who writes to the committee, and how to recognise them.
import { sql } from 'kysely'
import type { Organisation } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import { readCsv, splitList } from '../csv/read-csv'
import type { RegisterEntry } from '../letters/infer-metadata'
import { groupIdFor } from './groups'

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
  const rows = await ctx.db
    .selectFrom('organisations as o')
    .innerJoin('stakeholder_groups as g', 'g.id', 'o.group_id')
    .select([
      'o.id',
      'o.name',
      'g.name as group',
      sql<string>`(SELECT json_group_array(alias) FROM organisation_aliases WHERE organisation_id = o.id)`.as('aliases'),
      sql<string>`(SELECT json_group_array(domain) FROM organisation_domains WHERE organisation_id = o.id)`.as('domains'),
      sql<number>`(SELECT count(*) FROM letters WHERE organisation_id = o.id)`.as('letterCount'),
      sql<string | null>`(SELECT max(letter_date) FROM letters WHERE organisation_id = o.id)`.as('lastLetterDate'),
    ])
    .orderBy('g.position')
    .orderBy('o.name')
    .execute()
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
  const rows = await ctx.db
    .selectFrom('organisations as o')
    .select([
      'o.id',
      'o.name',
      sql<string>`(SELECT json_group_array(alias) FROM organisation_aliases WHERE organisation_id = o.id)`.as('aliases'),
      sql<string>`(SELECT json_group_array(domain) FROM organisation_domains WHERE organisation_id = o.id)`.as('domains'),
    ])
    .orderBy('o.name')
    .execute()
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
      const existing = await trx.selectFrom('organisations').select('id').where('name', '=', input.name).executeTakeFirst()
      let id: number
      if (existing) {
        id = existing.id
        await trx.updateTable('organisations').set({ group_id: groupId }).where('id', '=', id).execute()
        await trx.deleteFrom('organisation_aliases').where('organisation_id', '=', id).execute()
        await trx.deleteFrom('organisation_domains').where('organisation_id', '=', id).execute()
        summary.updated++
      } else {
        id = (await trx.insertInto('organisations').values({ name: input.name, group_id: groupId, created_at: ctx.now() }).returning('id').executeTakeFirstOrThrow()).id
        summary.created++
      }
      for (const alias of new Set(input.aliases)) await trx.insertInto('organisation_aliases').values({ organisation_id: id, alias }).execute()
      for (const domain of new Set(input.emailDomains)) {
        const clash = await trx.selectFrom('organisation_domains').select('organisation_id').where('domain', '=', domain).executeTakeFirst()
        if (clash) throw new AppError('conflict', `The e-mail domain ${domain} is given to two organisations (${input.name} and another); each domain can belong to one only.`)
        await trx.insertInto('organisation_domains').values({ organisation_id: id, domain }).execute()
      }
      await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: existing ? 'Updated organisation' : 'Added organisation', entity: 'organisation', entityId: id, after: input })
    }
  })
  return summary
}
