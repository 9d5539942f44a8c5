// The organisation register's SQL: organisations with their aliases, e-mail domains and groups, and
// the letters an organisation is given when it joins the register. Services own the transactions.
import { sql } from 'kysely'
import type { StakeholderGroup } from '../../../shared/domain/dto'
import type { Executor } from '../db/database'
import { jsonGroupArray } from '../db/dialect/aggregates'
import { indexedBy } from '../db/dialect/index-hints'
import { jsonTextAt } from '../db/dialect/values'

// Aliases and domains come as JSON text ('[]' when there is nothing) on both engines
// (db/dialect/aggregates.ts), so callers keep parsing the text.
export interface OrganisationRow {
  id: number
  name: string
  group: string
  /** JSON text: the array of aliases. */
  aliases: string
  /** JSON text: the array of e-mail domains. */
  domains: string
  letterCount: number
  lastLetterDate: string | null
  version: number
  updatedBy: string | null
  updatedAt: string | null
}

export interface RegisterRow {
  id: number
  name: string
  aliases: string
  domains: string
}

/** Every organisation with its group, aliases, domains and letters' count and latest date, in group order then by name. */
export async function organisationsInRegisterOrder(db: Executor): Promise<OrganisationRow[]> {
  return db
    .selectFrom('organisations as o')
    .innerJoin('stakeholder_groups as g', 'g.id', 'o.group_id')
    .leftJoin(lettersPerOrganisation(db).as('c'), (join) => join.onRef(sql.ref('c.organisation_id'), '=', 'o.id'))
    .select([
      'o.id',
      'o.name',
      'g.name as group',
      sql<string>`(SELECT ${jsonGroupArray(db, sql`alias`)} FROM organisation_aliases WHERE organisation_id = o.id)`.as('aliases'),
      sql<string>`(SELECT ${jsonGroupArray(db, sql`domain`)} FROM organisation_domains WHERE organisation_id = o.id)`.as('domains'),
      sql<number>`coalesce(c.letter_count, 0)`.as('letterCount'),
      sql<string | null>`c.last_letter_date`.as('lastLetterDate'),
      'o.version',
      'o.updated_by as updatedBy',
      'o.updated_at as updatedAt',
    ])
    .orderBy('g.position')
    .orderBy('o.name')
    .execute()
}

/**
 * Per organisation, its letters outside the bin and the latest one's date, in one pass over the
 * narrow list index: counted per organisation with a subquery each, SQLite read every letter's
 * whole row for `deleted_at` (280 ms at 50 000 letters, on every load of the Letters view; 40 ms
 * this way). SQLite is told which index (db/dialect/index-hints.ts); PostgreSQL's planner picks it.
 */
function lettersPerOrganisation(db: Executor) {
  return sql<{ organisation_id: number; letter_count: number; last_letter_date: string | null }>`(
    SELECT organisation_id, count(*) AS letter_count, max(letter_date) AS last_letter_date
    FROM letters ${indexedBy(db, 'letters_list')}
    WHERE organisation_id IS NOT NULL AND deleted_at IS NULL
    GROUP BY organisation_id)`
}

/** Names, aliases and domains only, by name: what the importer matches senders against. */
export async function registerEntries(db: Executor): Promise<RegisterRow[]> {
  return db
    .selectFrom('organisations as o')
    .select([
      'o.id',
      'o.name',
      sql<string>`(SELECT ${jsonGroupArray(db, sql`alias`)} FROM organisation_aliases WHERE organisation_id = o.id)`.as('aliases'),
      sql<string>`(SELECT ${jsonGroupArray(db, sql`domain`)} FROM organisation_domains WHERE organisation_id = o.id)`.as('domains'),
    ])
    .orderBy('o.name')
    .execute()
}

export async function organisationIdByName(db: Executor, name: string): Promise<number | undefined> {
  return (await db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirst())?.id
}

/** The organisation with this name or alias, if any. */
export async function organisationIdByNameOrAlias(db: Executor, name: string): Promise<number | undefined> {
  const organisation = await db
    .selectFrom('organisations')
    .select('id')
    .where((eb) => eb.or([eb('name', '=', name), eb('id', 'in', eb.selectFrom('organisation_aliases').select('organisation_id').where('alias', '=', name))]))
    .executeTakeFirst()
  return organisation?.id
}

export async function groupsInOrder(db: Executor): Promise<StakeholderGroup[]> {
  return db.selectFrom('stakeholder_groups').select(['id', 'name', 'position']).orderBy('position').execute()
}

export async function groupIdByName(db: Executor, name: string): Promise<number | undefined> {
  return (await db.selectFrom('stakeholder_groups').select('id').where('name', '=', name).executeTakeFirst())?.id
}

/**
 * Letters with no organisation whose inferred sender's e-mail domain (any case) is one of these.
 */
export async function unassignedLettersFromDomains(db: Executor, domains: string[]): Promise<{ id: number; inference_json: string }[]> {
  return db
    .selectFrom('letters')
    .select(['id', 'inference_json'])
    .where('organisation_id', 'is', null)
    .where(sql<string>`lower(${jsonTextAt(db, sql`inference_json`, ['senderDomain', 'value'])})`, 'in', domains)
    .execute()
}

