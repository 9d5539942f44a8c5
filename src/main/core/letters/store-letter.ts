// Writes a prepared letter, and the letters attached to it, in one transaction: originals,
// letters (FTS follows by trigger), fingerprints, near-duplicate pairs and audit rows. Anything
// failing rolls the whole file back, so a failed file leaves nothing behind.
import type { Transaction } from 'kysely'
import type { LetterAttachment } from '../../../shared/domain/dto'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import type { Database } from '../db/schema'
import type { ImportMethod, PreparedLetter } from './import-service'
import { recordNearDuplicate, storeFingerprint } from './near-duplicates'

export function storeLetter(ctx: CoreContext, prepared: PreparedLetter, method: ImportMethod): Promise<number> {
  return ctx.db.transaction().execute((trx) => insert(ctx, trx, prepared, method, null))
}

async function insert(ctx: CoreContext, trx: Transaction<Database>, letter: PreparedLetter, method: ImportMethod, parentId: number | null): Promise<number> {
  const { inferred, extraction } = letter
  await trx.insertInto('originals').values({ sha256: letter.sha256, size: letter.bytes.length, bytes: letter.bytes }).execute()
  const { id } = await trx
    .insertInto('letters')
    .values({
      original_sha256: letter.sha256,
      file_name: letter.name,
      format: letter.format,
      direction: inferred.direction,
      organisation_id: inferred.organisationId,
      signatory: inferred.signatory.value,
      letter_date: inferred.date.value,
      subject: inferred.subject.value,
      recipient: inferred.recipient.value,
      body_text: extraction.text,
      ocr: extraction.ocr ? 1 : 0,
      parent_letter_id: parentId,
      inference_json: JSON.stringify({
        organisation: inferred.organisation,
        date: inferred.date,
        subject: inferred.subject,
        signatory: inferred.signatory,
        recipient: inferred.recipient,
        senderName: inferred.senderName,
        senderEmail: inferred.senderEmail,
        senderDomain: inferred.senderDomain,
      }),
      imported_at: ctx.now(),
      import_method: method,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (letter.signature) await storeFingerprint(trx, id, letter.signature)
  if (letter.nearDuplicate) await recordNearDuplicate(trx, id, letter.nearDuplicate, ctx.now())
  await writeAudit(trx, {
    at: ctx.now(),
    actor: ctx.actor,
    action: parentId === null ? 'Imported letter' : 'Imported attachment as letter',
    entity: 'letter',
    entityId: id,
    after: { fileName: letter.name, format: letter.format, sha256: letter.sha256, ocr: extraction.ocr, parentLetterId: parentId },
  })
  const attachments: LetterAttachment[] = []
  for (const child of letter.children) attachments.push({ name: child.name, letterId: await insert(ctx, trx, child, method, id), note: null })
  attachments.push(...letter.listed)
  if (attachments.length > 0) await trx.updateTable('letters').set({ attachments_json: JSON.stringify(attachments) }).where('id', '=', id).execute()
  return id
}
