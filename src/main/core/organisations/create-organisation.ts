// "Add as new organisation": a sender the importer did not recognise joins the register, and
// letters already imported from its e-mail domain (kept in their inference as senderDomain)
// are given to it — one audited change, undone as one.
import type { Organisation } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import { ChangeRecorder } from '../history/changes'
import { moveOnVersion } from '../history/versions'
import { addOrganisationRows, cleanDomains, type NewOrganisation } from './organisation-edits'
import { listOrganisations } from './organisation-list'
import { unassignedLettersFromDomains } from './organisation-repository'

export async function createOrganisation(ctx: CoreContext, input: NewOrganisation): Promise<Organisation> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const recorder = new ChangeRecorder(trx)
    const id = await addOrganisationRows(ctx, trx, recorder, input)
    const domains = cleanDomains(input.emailDomains ?? [])
    const letters = domains.length > 0 ? await unassignedLettersFromDomains(trx, domains) : []
    const name = input.name.trim().replace(/\s+/g, ' ')
    for (const letter of letters) {
      const inference = JSON.parse(letter.inference_json) as Record<string, unknown>
      const domain = (inference.senderDomain as { value?: string } | undefined)?.value ?? ''
      inference.organisation = { value: name, confidence: 0.97, reason: `e-mail domain ${domain}` }
      await moveOnVersion(recorder, 'letters', letter.id, { by: ctx.actor, at: ctx.now() })
      await recorder.update('letters', letter.id, { organisation_id: id, inference_json: JSON.stringify(inference) })
    }
    await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: 'Added organisation', entity: 'organisation', entityId: id, after: { ...input, letters: letters.map((l) => l.id) }, changes: recorder.changes })
    return id
  })
  return organisationOf(ctx, id)
}

export async function organisationOf(ctx: CoreContext, id: number): Promise<Organisation> {
  const organisation = (await listOrganisations(ctx)).find((o) => o.id === id)
  if (!organisation) throw new AppError('not_found', `There is no organisation with id ${id}.`)
  return organisation
}
