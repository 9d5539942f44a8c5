// A person confirming or correcting what the importer inferred. The field becomes certain
// (confidence 1, "confirmed by …") and the audit log keeps the values before and after.
import type { InferredField, LetterDetail, LetterDetailsValue } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import type { Executor } from '../db/database'
import { ChangeRecorder } from '../history/changes'
import { claimVersion } from '../history/versions'
import { getLetter } from './letter-queries'
import { correctableFields, nameOfOrganisation, updateLetterFields } from './letter-repository'

export interface LetterUpdate {
  id: number
  organisationId?: number | null
  date?: string | null
  subject?: string | null
  signatory?: string | null
  /** The version the person started from; see history/versions.ts. */
  ifVersion?: number | undefined
}

export async function updateLetter(ctx: CoreContext, input: LetterUpdate): Promise<LetterDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await correctableFields(trx, input.id)
    if (!row) throw new AppError('not_found', `There is no letter with id ${input.id}.`)
    let organisationName: string | null = null
    if (input.organisationId !== undefined && input.organisationId !== null) {
      const name = await nameOfOrganisation(trx, input.organisationId)
      if (name === undefined) throw new AppError('not_found', `There is no organisation with id ${input.organisationId}.`)
      organisationName = name
    }
    if (input.date && !isRealDate(input.date)) throw new AppError('invalid_input', `${input.date} is not a real date; give it as YYYY-MM-DD.`)

    const inference = JSON.parse(row.inference_json) as Record<string, InferredField>
    const confirmed = (value: string | null): InferredField => ({ value, confidence: 1, reason: `confirmed by ${ctx.actor}` })
    const before: Record<string, unknown> = {}
    const after: Record<string, unknown> = {}
    const set: { organisation_id?: number | null; letter_date?: string | null; subject?: string | null; signatory?: string | null } = {}
    if (input.organisationId !== undefined) {
      set.organisation_id = input.organisationId
      before.organisation = row.organisation
      after.organisation = organisationName
      inference.organisation = confirmed(organisationName)
    }
    const plain = [
      ['date', 'letter_date', input.date, row.letter_date],
      ['subject', 'subject', input.subject, row.subject],
      ['signatory', 'signatory', input.signatory, row.signatory],
    ] as const
    for (const [field, column, value, old] of plain) {
      if (value === undefined) continue
      const cleaned = typeof value === 'string' ? value.trim() || null : value
      set[column] = cleaned
      before[field] = old
      after[field] = cleaned
      inference[field] = confirmed(cleaned)
    }
    if (Object.keys(after).length === 0) return
    const subject = { what: 'this letter’s details', current: () => storedDetails(trx, input.id) }
    // Letter details are not undoable, so the recorder serves only to claim the next version.
    await claimVersion(new ChangeRecorder(trx), 'letters', input.id, { by: ctx.actor, at: ctx.now() }, input.ifVersion, subject)
    await updateLetterFields(trx, input.id, { ...set, inference_json: JSON.stringify(inference) })
    await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: 'Corrected letter details', entity: 'letter', entityId: input.id, before, after })
  })
  return getLetter(ctx, input.id)
}

async function storedDetails(db: Executor, id: number): Promise<LetterDetailsValue | null> {
  const row = await correctableFields(db, id)
  return row ? { organisationId: row.organisation_id, organisation: row.organisation, date: row.letter_date, subject: row.subject, signatory: row.signatory } : null
}

function isRealDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!match) return false
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return date.toISOString().slice(0, 10) === iso
}
