// The import pipeline: sniff → extract → infer → duplicate check → one transaction per file.
// Each file succeeds or fails alone; parsing happens before the transaction so it stays short.
import { createHash } from 'node:crypto'
import type { ImportOutcome } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import { MAX_FILE_BYTES } from '../../../shared/api/contract'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import { loadRegister } from '../organisations/organisation-service'
import { extractText } from './extract-text'
import { inferMetadata, type OwnIdentity, type RegisterEntry } from './infer-metadata'
import { ownIdentity } from '../settings/committee'
import { sniffFormat } from './sniff'

export interface IncomingFile {
  name: string
  bytes: Uint8Array
}

export type ImportMethod = 'app' | 'cli' | 'demo'

export async function importFiles(ctx: CoreContext, files: IncomingFile[], method: ImportMethod): Promise<ImportOutcome[]> {
  const register = await loadRegister(ctx)
  const own = await ownIdentity(ctx.db)
  const outcomes: ImportOutcome[] = []
  for (const file of files) outcomes.push(await importOne(ctx, file, method, register, own))
  return outcomes
}

async function importOne(ctx: CoreContext, file: IncomingFile, method: ImportMethod, register: RegisterEntry[], own: OwnIdentity): Promise<ImportOutcome> {
  const name = safeName(file.name)
  try {
    if (file.bytes.length > MAX_FILE_BYTES) {
      throw new AppError('unsupported_file', `${name} is ${(file.bytes.length / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit for one letter.`)
    }
    const sha256 = createHash('sha256').update(file.bytes).digest('hex')
    const duplicate = await findBySha(ctx, sha256)
    if (duplicate) return { file: name, status: 'duplicate', ...duplicate }

    const format = sniffFormat(file.bytes, name)
    const text = await extractText(file.bytes, format, name)
    if (text.length === 0) throw new AppError('unsupported_file', `${name} has no text to import; it may be blank or hold only pictures.`)
    const inferred = inferMetadata(text, register, own)
    const letterId = await ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('originals').values({ sha256, size: file.bytes.length, bytes: file.bytes }).execute()
      const values = {
        original_sha256: sha256,
        file_name: name,
        format,
        direction: inferred.direction,
        organisation_id: inferred.organisationId,
        signatory: inferred.signatory.value,
        letter_date: inferred.date.value,
        subject: inferred.subject.value,
        body_text: text,
        inference_json: JSON.stringify({ organisation: inferred.organisation, date: inferred.date, subject: inferred.subject, signatory: inferred.signatory }),
        imported_at: ctx.now(),
        import_method: method,
      }
      const { id } = await trx.insertInto('letters').values(values).returning('id').executeTakeFirstOrThrow()
      await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: 'Imported letter', entity: 'letter', entityId: id, after: { fileName: name, format, sha256 } })
      return id
    })
    return { file: name, status: 'imported', letterId, organisation: inferred.organisation.value, date: inferred.date.value, subject: inferred.subject.value }
  } catch (error) {
    if (error instanceof AppError) return { file: name, status: 'failed', error: error.message }
    throw error
  }
}

async function findBySha(ctx: CoreContext, sha256: string) {
  const row = await ctx.db
    .selectFrom('letters as l')
    .leftJoin('organisations as o', 'o.id', 'l.organisation_id')
    .select(['l.id as letterId', 'o.name as organisation', 'l.letter_date as date', 'l.subject'])
    .where('l.original_sha256', '=', sha256)
    .executeTakeFirst()
  return row ?? null
}

/** A file's own name only: never a path, never control characters, never longer than 255. */
function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, '').trim() ?? ''
  return (base || 'unnamed file').slice(0, 255)
}
