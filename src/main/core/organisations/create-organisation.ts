// "Add as new organisation": a sender the importer did not recognise joins the register, and
// letters already imported from its e-mail domain (kept in their inference as senderDomain)
// are given to it, with one audit row for the organisation and one per letter.
import type { Organisation } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import { listOrganisations, upsertOrganisations, type OrganisationInput } from './organisation-service'
import { assignLetterToOrganisation, organisationIdByName, unassignedLettersFromDomains } from './organisation-repository'

export async function createOrganisation(ctx: CoreContext, input: OrganisationInput): Promise<Organisation> {
  const name = input.name.trim()
  if (!name) throw new AppError('invalid_input', 'An organisation needs a name.')
  if ((await organisationIdByName(ctx.db, name)) !== undefined) throw new AppError('conflict', `${name} is already in the register.`)
  const emailDomains = [...new Set(input.emailDomains.map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean))]
  await upsertOrganisations(ctx, [{ name, group: input.group, aliases: input.aliases.map((a) => a.trim()).filter(Boolean), emailDomains }])
  const created = (await listOrganisations(ctx)).find((o) => o.name.toLowerCase() === name.toLowerCase())
  if (!created) throw new AppError('internal', `${name} could not be added.`)
  if (emailDomains.length > 0) await assignUnknownSenders(ctx, created, emailDomains)
  return (await listOrganisations(ctx)).find((o) => o.id === created.id) ?? created
}

async function assignUnknownSenders(ctx: CoreContext, organisation: Organisation, domains: string[]): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const letters = await unassignedLettersFromDomains(trx, domains)
    for (const letter of letters) {
      const inference = JSON.parse(letter.inference_json) as Record<string, unknown>
      const domain = (inference.senderDomain as { value?: string } | undefined)?.value ?? ''
      inference.organisation = { value: organisation.name, confidence: 0.97, reason: `e-mail domain ${domain}` }
      await assignLetterToOrganisation(trx, letter.id, organisation.id, JSON.stringify(inference))
      await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: 'Assigned letter to new organisation', entity: 'letter', entityId: letter.id, before: { organisation: null }, after: { organisation: organisation.name } })
    }
  })
}
