// Merging two entries for one organisation (a duplicate made from an unknown sender, say): the
// merged one's letters, addressee roles, aliases, e-mail domains and address fragments move to
// the one kept, its name becomes an alias there, and it leaves the register. Links belong to
// letters, so they move with them. One audited change, undone exactly.
import { AppError } from '../../../shared/api/errors'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import { ChangeRecorder } from '../history/changes'
import { moveOnVersion } from '../history/versions'
import { cleanList, setList } from './organisation-edits'
import {
  addressRowsOf,
  addresseeRowsOfOrganisation,
  aliasRowsOf,
  domainRowsOf,
  letterIdsOfOrganisation,
  organisationById,
} from './register-edit-repository'

export interface MergeOutcome {
  into: number
  letters: number
  addressees: number
}

export async function mergeOrganisations(ctx: CoreContext, fromId: number, intoId: number): Promise<MergeOutcome> {
  if (fromId === intoId) throw new AppError('invalid_input', 'An organisation cannot be merged into itself; choose two different organisations.')
  return ctx.db.transaction().execute(async (trx) => {
    const from = await organisationById(trx, fromId)
    if (!from) throw new AppError('not_found', `There is no organisation with id ${fromId}.`)
    const into = await organisationById(trx, intoId)
    if (!into) throw new AppError('not_found', `There is no organisation with id ${intoId}.`)
    const recorder = new ChangeRecorder(trx)

    const fromAliases = (await aliasRowsOf(trx, from.id)).map((r) => r.alias)
    const fromDomains = (await domainRowsOf(trx, from.id)).map((r) => r.domain)
    const fromAddresses = (await addressRowsOf(trx, from.id)).map((r) => r.fragment)
    // Emptied first: a domain can belong to one organisation only.
    await setList(trx, recorder, from.id, 'aliases', [])
    await setList(trx, recorder, from.id, 'domains', [])
    await setList(trx, recorder, from.id, 'addresses', [])

    const intoAliases = (await aliasRowsOf(trx, into.id)).map((r) => r.alias)
    const aliases = cleanList([...intoAliases, from.name, ...fromAliases]).filter((a) => a.toLowerCase() !== into.name.toLowerCase())
    await setList(trx, recorder, into.id, 'aliases', aliases)
    await setList(trx, recorder, into.id, 'domains', [...(await domainRowsOf(trx, into.id)).map((r) => r.domain), ...fromDomains])
    await setList(trx, recorder, into.id, 'addresses', cleanList([...(await addressRowsOf(trx, into.id)).map((r) => r.fragment), ...fromAddresses]))

    const letters = await letterIdsOfOrganisation(trx, from.id)
    const stamp = { by: ctx.actor, at: ctx.now() }
    for (const letterId of letters) {
      await moveOnVersion(recorder, 'letters', letterId, stamp)
      await recorder.update('letters', letterId, { organisation_id: into.id })
    }
    // The kept organisation's other names, domains and addresses grew: its open editors are stale.
    await moveOnVersion(recorder, 'organisations', into.id, stamp)

    // A recommendation addressed to both keeps one role for the organisation kept.
    const kept = new Set((await addresseeRowsOfOrganisation(trx, into.id)).map((r) => r.recommendation_id))
    const roles = await addresseeRowsOfOrganisation(trx, from.id)
    for (const role of roles) {
      if (kept.has(role.recommendation_id)) await recorder.delete('recommendation_addressees', role.id)
      else {
        await recorder.update('recommendation_addressees', role.id, { organisation_id: into.id })
        kept.add(role.recommendation_id)
      }
    }
    await recorder.delete('organisations', from.id)
    await writeAudit(trx, {
      at: ctx.now(),
      actor: ctx.actor,
      action: 'Merged organisation',
      entity: 'organisation',
      entityId: into.id,
      before: { merged: from.name, into: into.name },
      after: { into: into.name, letters: letters.length, addressees: roles.length },
      changes: recorder.changes,
    })
    return { into: into.id, letters: letters.length, addressees: roles.length }
  })
}
