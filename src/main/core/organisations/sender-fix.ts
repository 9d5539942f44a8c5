// Fixing an unknown sender from a letter: the organisations its name is closest to, the other
// letters waiting for the same sender (same e-mail domain, or the same name as the matcher reads
// it), and giving a set of letters to an organisation in one audited, undoable change.
import { AppError } from '../../../shared/api/errors'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import { ChangeRecorder } from '../history/changes'
import { moveOnVersion } from '../history/versions'
import { closestOrganisations } from './closest-names'
import { sameName } from './name-matching'
import { loadRegister } from './organisation-service'
import { lettersWithUnknownSender, letterSenderRow, organisationById } from './register-edit-repository'

export async function closestTo(ctx: CoreContext, name: string, limit?: number) {
  return closestOrganisations(name, await loadRegister(ctx), limit)
}

export interface SenderClue {
  senderName?: string | undefined
  senderDomain?: string | undefined
}

export interface UnmatchedLetter {
  id: number
  subject: string | null
  date: string | null
  fileName: string
}

/** Letters with no sender yet whose importer saw this sender (by e-mail domain or name). */
export async function unmatchedLettersFrom(ctx: CoreContext, clue: SenderClue): Promise<UnmatchedLetter[]> {
  const domain = clue.senderDomain?.trim().toLowerCase().replace(/^@/, '') || null
  const name = clue.senderName?.trim() || null
  if (!domain && !name) throw new AppError('invalid_input', 'Give the sender’s name or e-mail domain to look for.')
  const rows = await lettersWithUnknownSender(ctx.db)
  return rows
    .filter((row) => (domain !== null && row.sender_domain === domain) || (name !== null && row.sender_name !== null && sameName(row.sender_name, name)))
    .map((row) => ({ id: row.id, subject: row.subject, date: row.letter_date, fileName: row.file_name }))
}

/** Gives the letters to the organisation, as a person's confirmed choice. */
export async function assignLetters(ctx: CoreContext, organisationId: number, letterIds: readonly number[]): Promise<{ assigned: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const organisation = await organisationById(trx, organisationId)
    if (!organisation) throw new AppError('not_found', `There is no organisation with id ${organisationId}.`)
    const recorder = new ChangeRecorder(trx)
    const assignedIds: number[] = []
    for (const letterId of new Set(letterIds)) {
      const letter = await letterSenderRow(trx, letterId)
      if (!letter) throw new AppError('not_found', `There is no letter with id ${letterId}.`)
      if (letter.organisation_id === organisation.id) continue
      const inference = JSON.parse(letter.inference_json) as Record<string, unknown>
      inference.organisation = { value: organisation.name, confidence: 1, reason: `confirmed by ${ctx.actor}` }
      await moveOnVersion(recorder, 'letters', letter.id, { by: ctx.actor, at: ctx.now() })
      await recorder.update('letters', letter.id, { organisation_id: organisation.id, inference_json: JSON.stringify(inference) })
      assignedIds.push(letter.id)
    }
    const assigned = assignedIds.length
    if (assigned > 0) {
      await writeAudit(trx, {
        at: ctx.now(),
        actor: ctx.actor,
        action: assigned === 1 ? 'Set letter’s sender' : `Set ${assigned} letters’ sender`,
        entity: 'organisation',
        entityId: organisation.id,
        after: { organisation: organisation.name, letters: assignedIds },
        changes: recorder.changes,
      })
    }
    return { assigned }
  })
}
