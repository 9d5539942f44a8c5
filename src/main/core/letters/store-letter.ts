// Writes a group of prepared letters, with the letters attached to them, in one transaction:
// originals, letters (FTS follows by trigger), fingerprints, near-duplicate pairs and audit rows.
// Anything failing rolls the whole group back, so a failed write leaves nothing behind.
import type { Transaction } from 'kysely'
import type { LetterAttachment } from '../../../shared/domain/dto'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import type { Database } from '../db/schema'
import { encodingInference } from './decode-text'
import type { ImportMethod, PreparedLetter } from './import-service'
import { recordNearDuplicate, storeFingerprint, type NearMatch } from './near-duplicates'

export interface HeldLetter {
  letterId: number
  organisation: string | null
  date: string | null
  subject: string | null
}

/** A file of a group after parsing: ready to store, already held, or failed with a reason. */
export type Staged =
  | { kind: 'prepared'; prepared: PreparedLetter }
  | { kind: 'duplicate'; name: string; held: HeldLetter }
  | { kind: 'failed'; name: string; error: string }

export type Stored = Exclude<Staged, { kind: 'prepared' }> | { kind: 'imported'; prepared: PreparedLetter; letterId: number; attachments: LetterAttachment[] }

type NearInGroup = (signature: Uint32Array, earlier: { letterId: number; signature: Uint32Array }[]) => NearMatch | null

export function storeGroup(ctx: CoreContext, staged: Staged[], method: ImportMethod, nearInGroup: NearInGroup): Promise<Stored[]> {
  if (!staged.some((s) => s.kind === 'prepared')) return Promise.resolve(staged as Stored[])
  return ctx.db.transaction().execute(async (trx) => {
    const stored: Stored[] = []
    const earlier: { letterId: number; signature: Uint32Array }[] = []
    for (const [index, entry] of staged.entries()) {
      // Statements on a synchronous driver resolve as microtasks: without this, a whole group
      // would run without letting timers, IPC or the harness's HTTP server have a turn.
      if (index > 0) await new Promise((resolve) => setImmediate(resolve))
      if (entry.kind !== 'prepared') {
        stored.push(entry)
        continue
      }
      const { prepared } = entry
      // The same bytes twice in one group: the second is a duplicate of the first.
      const held = await heldBySha(trx, prepared.sha256)
      if (held) {
        stored.push({ kind: 'duplicate', name: prepared.name, held })
        continue
      }
      if (!prepared.nearDuplicate && prepared.signature) prepared.nearDuplicate = nearInGroup(prepared.signature, earlier)
      const letterId = await insert(ctx, trx, prepared, method, null)
      if (prepared.signature) earlier.push({ letterId, signature: prepared.signature })
      const row = await trx.selectFrom('letters').select('attachments_json').where('id', '=', letterId).executeTakeFirstOrThrow()
      stored.push({ kind: 'imported', prepared, letterId, attachments: JSON.parse(row.attachments_json) as LetterAttachment[] })
    }
    return stored
  })
}

async function heldBySha(trx: Transaction<Database>, sha256: string): Promise<HeldLetter | null> {
  const row = await trx
    .selectFrom('letters as l')
    .leftJoin('organisations as o', 'o.id', 'l.organisation_id')
    .select(['l.id as letterId', 'o.name as organisation', 'l.letter_date as date', 'l.subject'])
    .where('l.original_sha256', '=', sha256)
    .executeTakeFirst()
  return row ?? null
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
        ...(extraction.encodingGuess ? { encoding: encodingInference(extraction.encodingGuess) } : {}),
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
  for (const child of letter.children) {
    // An attachment whose bytes arrived earlier in the same group is listed, not stored twice.
    const held = await heldBySha(trx, child.sha256)
    attachments.push(held ? { name: child.name, letterId: held.letterId, note: `already held as letter ${held.letterId}` } : { name: child.name, letterId: await insert(ctx, trx, child, method, id), note: null })
  }
  attachments.push(...letter.listed)
  if (attachments.length > 0) await trx.updateTable('letters').set({ attachments_json: JSON.stringify(attachments) }).where('id', '=', id).execute()
  return id
}
