// Adding and editing organisations by hand: name, group, aliases, e-mail domains and address
// fragments. Every row written goes through a ChangeRecorder, so each edit is one audited change
// that undo takes back exactly.
import { AppError } from '../../../shared/api/errors'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import type { Trx } from '../db/database'
import { ChangeRecorder } from '../history/changes'
import { claimVersion } from '../history/versions'
import { resolveGroup } from './group-order'
import { listOrganisations } from './organisation-list'
import { addressRowsOf, aliasRowsOf, domainOwner, domainRowsOf, organisationById, otherOrganisationNamed } from './register-edit-repository'

export interface NewOrganisation {
  name: string
  group: string
  aliases?: readonly string[] | undefined
  emailDomains?: readonly string[] | undefined
  addressFragments?: readonly string[] | undefined
}

export interface OrganisationEdit {
  id: number
  name?: string | undefined
  group?: string | undefined
  /** Replace the lists; leave out to keep them. */
  aliases?: readonly string[] | undefined
  emailDomains?: readonly string[] | undefined
  addressFragments?: readonly string[] | undefined
  /** Add to the lists (the CLI's --add-alias and --add-domain). */
  addAliases?: readonly string[] | undefined
  addDomains?: readonly string[] | undefined
  /** The version the person started from; see history/versions.ts. */
  ifVersion?: number | undefined
}

/** Trimmed, blanks dropped, each once (ignoring case). */
export function cleanList(items: readonly string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const item of items) {
    const value = item.trim().replace(/\s+/g, ' ')
    if (!value || seen.has(value.toLowerCase())) continue
    seen.add(value.toLowerCase())
    out.push(value)
  }
  return out
}

export const cleanDomains = (domains: readonly string[]) => cleanList(domains.map((d) => d.trim().toLowerCase().replace(/^@/, '')))

async function checkName(trx: Trx, name: string, id: number | null): Promise<string> {
  const cleaned = name.trim().replace(/\s+/g, ' ')
  if (!cleaned) throw new AppError('invalid_input', 'An organisation needs a name.')
  if ((await otherOrganisationNamed(trx, cleaned, id)) !== undefined) throw new AppError('conflict', `${cleaned} is already in the register.`)
  return cleaned
}

/** Adds an organisation; returns its id. */
export async function addOrganisationRows(ctx: CoreContext, trx: Trx, recorder: ChangeRecorder, input: NewOrganisation): Promise<number> {
  const name = await checkName(trx, input.name, null)
  const groupId = await resolveGroup(trx, recorder, input.group)
  const id = await recorder.insert('organisations', { name, group_id: groupId, created_at: ctx.now() })
  await setList(trx, recorder, id, 'aliases', cleanList(input.aliases ?? []).filter((a) => a.toLowerCase() !== name.toLowerCase()))
  await setList(trx, recorder, id, 'domains', cleanDomains(input.emailDomains ?? []))
  await setList(trx, recorder, id, 'addresses', cleanList(input.addressFragments ?? []))
  return id
}

export async function addOrganisation(ctx: CoreContext, input: NewOrganisation): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const recorder = new ChangeRecorder(trx)
    const id = await addOrganisationRows(ctx, trx, recorder, input)
    await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: 'Added organisation', entity: 'organisation', entityId: id, after: input, changes: recorder.changes })
    return id
  })
}

export async function updateOrganisation(ctx: CoreContext, edit: OrganisationEdit): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const recorder = new ChangeRecorder(trx)
    const organisation = await organisationById(trx, edit.id)
    if (!organisation) throw new AppError('not_found', `There is no organisation with id ${edit.id}.`)
    const subject = { what: `the register entry for ${organisation.name}`, current: async () => (await listOrganisations(ctx, trx)).find((o) => o.id === organisation.id) ?? null }
    await claimVersion(recorder, 'organisations', organisation.id, { by: ctx.actor, at: ctx.now() }, edit.ifVersion, subject)
    const name = edit.name === undefined ? organisation.name : await checkName(trx, edit.name, organisation.id)
    const groupId = edit.group === undefined ? organisation.group_id : await resolveGroup(trx, recorder, edit.group)
    await recorder.update('organisations', organisation.id, { name, group_id: groupId })

    const aliases = (await aliasRowsOf(trx, organisation.id)).map((r) => r.alias)
    const domains = (await domainRowsOf(trx, organisation.id)).map((r) => r.domain)
    const wantedAliases = cleanList([...(edit.aliases ?? aliases), ...(edit.addAliases ?? [])]).filter((a) => a.toLowerCase() !== name.toLowerCase())
    await setList(trx, recorder, organisation.id, 'aliases', wantedAliases)
    await setList(trx, recorder, organisation.id, 'domains', cleanDomains([...(edit.emailDomains ?? domains), ...(edit.addDomains ?? [])]))
    if (edit.addressFragments !== undefined) await setList(trx, recorder, organisation.id, 'addresses', cleanList(edit.addressFragments))
    if (recorder.changes.length === 0) return
    await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: 'Edited organisation', entity: 'organisation', entityId: organisation.id, before: organisation, after: edit, changes: recorder.changes })
  })
}

type ListKind = 'aliases' | 'domains' | 'addresses'

/** Makes an organisation's list exactly `wanted`: rows no longer wanted are deleted, new ones inserted, the rest left alone. */
export async function setList(trx: Trx, recorder: ChangeRecorder, organisationId: number, kind: ListKind, wanted: readonly string[]): Promise<void> {
  const rows =
    kind === 'aliases'
      ? (await aliasRowsOf(trx, organisationId)).map((r) => ({ id: r.id, value: r.alias }))
      : kind === 'domains'
        ? (await domainRowsOf(trx, organisationId)).map((r) => ({ id: r.id, value: r.domain }))
        : (await addressRowsOf(trx, organisationId)).map((r) => ({ id: r.id, value: r.fragment }))
  const lower = new Set(wanted.map((w) => w.toLowerCase()))
  for (const row of rows) if (!lower.has(row.value.toLowerCase())) await recorder.delete(TABLE[kind], row.id)
  const kept = new Set(rows.map((r) => r.value.toLowerCase()))
  for (const value of wanted) {
    if (kept.has(value.toLowerCase())) continue
    if (kind === 'aliases') await recorder.insert('organisation_aliases', { organisation_id: organisationId, alias: value })
    else if (kind === 'addresses') await recorder.insert('organisation_addresses', { organisation_id: organisationId, fragment: value })
    else {
      const owner = await domainOwner(trx, value)
      if (owner) throw new AppError('conflict', `The e-mail domain ${value} already belongs to ${owner.name}; each domain can belong to one organisation only.`)
      await recorder.insert('organisation_domains', { organisation_id: organisationId, domain: value })
    }
  }
}

const TABLE = { aliases: 'organisation_aliases', domains: 'organisation_domains', addresses: 'organisation_addresses' } as const
