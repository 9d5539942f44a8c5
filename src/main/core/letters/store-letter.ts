// Writes a group of prepared letters, with the letters attached to them, in one transaction:
// originals, letters (FTS follows by trigger), fingerprints, near-duplicate pairs and audit rows.
// Anything failing rolls the whole group back, so a failed write leaves nothing behind. A cancelled
// import stops between files: the files stored before it commit whole, the rest are not stored.
import type { LetterAttachment } from '../../../shared/domain/dto'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import type { Trx } from '../db/database'
import type { Cancelled, ImportMethod, PreparedLetter, Staged } from './import-types'
import { attachmentsJsonOf, insertLetter, insertOriginal, letterWithOriginal, setAttachmentsJson } from './letter-repository'
import { encodingInference } from './decode-text'
import { recordNearDuplicate, storeFingerprint, type NearMatch } from './near-duplicates'

export type Stored = Exclude<Staged, { kind: 'prepared' }> | { kind: 'imported'; prepared: PreparedLetter; letterId: number; attachments: LetterAttachment[] }

type NearInGroup = (signature: Uint32Array, earlier: { letterId: number; signature: Uint32Array }[]) => NearMatch | null

export function storeGroup(ctx: CoreContext, staged: Staged[], method: ImportMethod, nearInGroup: NearInGroup, cancelled: Cancelled = () => false): Promise<Stored[]> {
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
      if (cancelled()) {
        stored.push({ kind: 'cancelled', name: prepared.name })
        continue
      }
      // The same bytes twice in one group: the second is a duplicate of the first.
      const held = await letterWithOriginal(trx, prepared.sha256)
      if (held) {
        stored.push({ kind: 'duplicate', name: prepared.name, held })
        continue
      }
      if (!prepared.nearDuplicate && prepared.signature) prepared.nearDuplicate = nearInGroup(prepared.signature, earlier)
      const letterId = await insert(ctx, trx, prepared, method, null)
      if (prepared.signature) earlier.push({ letterId, signature: prepared.signature })
      stored.push({ kind: 'imported', prepared, letterId, attachments: JSON.parse(await attachmentsJsonOf(trx, letterId)) as LetterAttachment[] })
    }
    return stored
  })
}

async function insert(ctx: CoreContext, trx: Trx, letter: PreparedLetter, method: ImportMethod, parentId: number | null): Promise<number> {
  const { inferred, extraction } = letter
  await insertOriginal(trx, letter.sha256, letter.bytes)
  const id = await insertLetter(trx, {
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
    const held = await letterWithOriginal(trx, child.sha256)
    attachments.push(held ? { name: child.name, letterId: held.letterId, note: `already held as letter ${held.letterId}` } : { name: child.name, letterId: await insert(ctx, trx, child, method, id), note: null })
  }
  attachments.push(...letter.listed)
  if (attachments.length > 0) await setAttachmentsJson(trx, id, JSON.stringify(attachments))
  return id
}
