// The SQL that editing the register reads before it writes: an organisation's aliases, e-mail
// domains, address fragments, letters and addressee roles, and the letters still waiting for a
// sender. The writes themselves go through the ChangeRecorder (history/changes.ts), so they can be
// undone.
import { sql } from 'kysely'
import type { Executor } from '../db/database'
import { jsonTextAt } from '../db/dialect/values'

export async function organisationById(db: Executor, id: number): Promise<{ id: number; name: string; group_id: number } | undefined> {
  return db.selectFrom('organisations').select(['id', 'name', 'group_id']).where('id', '=', id).executeTakeFirst()
}

/** The organisation with this name (any case), other than `exceptId`. */
export async function otherOrganisationNamed(db: Executor, name: string, exceptId: number | null): Promise<number | undefined> {
  let query = db.selectFrom('organisations').select('id').where('name', '=', name)
  if (exceptId !== null) query = query.where('id', '!=', exceptId)
  return (await query.executeTakeFirst())?.id
}

export async function aliasRowsOf(db: Executor, organisationId: number): Promise<{ id: number; alias: string }[]> {
  return db.selectFrom('organisation_aliases').select(['id', 'alias']).where('organisation_id', '=', organisationId).orderBy('id').execute()
}

export async function domainRowsOf(db: Executor, organisationId: number): Promise<{ id: number; domain: string }[]> {
  return db.selectFrom('organisation_domains').select(['id', 'domain']).where('organisation_id', '=', organisationId).orderBy('id').execute()
}

export async function addressRowsOf(db: Executor, organisationId: number): Promise<{ id: number; fragment: string }[]> {
  return db.selectFrom('organisation_addresses').select(['id', 'fragment']).where('organisation_id', '=', organisationId).orderBy('id').execute()
}

/** Every organisation's address fragments, for the register list and the importer. */
export async function allAddressFragments(db: Executor): Promise<{ organisation_id: number; fragment: string }[]> {
  return db.selectFrom('organisation_addresses').select(['organisation_id', 'fragment']).orderBy('id').execute()
}

/** The name of the organisation that owns a domain (any case), if any. */
export async function domainOwner(db: Executor, domain: string): Promise<{ id: number; name: string } | undefined> {
  return db
    .selectFrom('organisation_domains as d')
    .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
    .select(['o.id', 'o.name'])
    .where('d.domain', '=', domain)
    .executeTakeFirst()
}

export async function letterIdsOfOrganisation(db: Executor, organisationId: number): Promise<number[]> {
  return (await db.selectFrom('letters').select('id').where('organisation_id', '=', organisationId).orderBy('id').execute()).map((r) => r.id)
}

export async function addresseeRowsOfOrganisation(db: Executor, organisationId: number): Promise<{ id: number; recommendation_id: number }[]> {
  return db.selectFrom('recommendation_addressees').select(['id', 'recommendation_id']).where('organisation_id', '=', organisationId).orderBy('id').execute()
}

export interface UnmatchedLetterRow {
  id: number
  subject: string | null
  letter_date: string | null
  file_name: string
  sender_name: string | null
  sender_domain: string | null
}

/** Letters with no organisation whose importer noted a sender's name or e-mail domain. */
export async function lettersWithUnknownSender(db: Executor): Promise<UnmatchedLetterRow[]> {
  const senderName = jsonTextAt(db, sql`inference_json`, ['senderName', 'value'])
  const senderDomain = jsonTextAt(db, sql`inference_json`, ['senderDomain', 'value'])
  return db
    .selectFrom('letters')
    .select(['id', 'subject', 'letter_date', 'file_name', senderName.as('sender_name'), sql<string | null>`lower(${senderDomain})`.as('sender_domain')])
    .where('organisation_id', 'is', null)
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb(senderName, 'is not', null), eb(senderDomain, 'is not', null)]))
    .orderBy('id')
    .execute()
}

export async function letterSenderRow(db: Executor, id: number): Promise<{ id: number; organisation_id: number | null; inference_json: string } | undefined> {
  return db.selectFrom('letters').select(['id', 'organisation_id', 'inference_json']).where('id', '=', id).executeTakeFirst()
}
