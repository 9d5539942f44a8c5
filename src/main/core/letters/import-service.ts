// The import pipeline: size limit → exact duplicate → sniff → extract (worker threads) → infer →
// near-duplicate check → store. Files are taken in small groups: the group's files are parsed
// at once (one per worker thread), then stored in one short transaction, so that a batch pays
// for one durable commit per group rather than per file. Each file is still all or nothing, and
// an e-mail and the letters attached to it are stored together or not at all. A file that fails
// to parse fails alone; the batch goes on.
import { createHash } from 'node:crypto'
import type { ImportOutcome, LetterAttachment, LetterFormat } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import type { CoreContext } from '../context'
import { loadRegister } from '../organisations/organisation-service'
import { ownIdentity } from '../settings/committee'
import type { Extraction } from './extractors/types'
import { signatureOf, similarity } from './fingerprint'
import { loadImportSettings, type ImportSettings } from './import-settings'
import { inferMetadata, type InferredMetadata, type OwnIdentity, type RegisterEntry } from './infer-metadata'
import { findNearDuplicate, NEAR_DUPLICATE_THRESHOLD, type NearMatch } from './near-duplicates'
import { sniffFormat } from './sniff'
import { storeGroup, type Staged } from './store-letter'
import { inProcessExtractor, type Extractor } from './worker/extractor'

export interface IncomingFile {
  name: string
  bytes: Uint8Array
}

export type ImportMethod = 'app' | 'cli' | 'demo'

/** How deep e-mails may carry e-mails that carry letters (a .msg in a .msg in a .msg …). */
const MAX_ATTACHMENT_DEPTH = 4

/** A file read, understood and ready to store; attachments are prepared the same way. */
export interface PreparedLetter {
  name: string
  bytes: Uint8Array
  sha256: string
  format: LetterFormat
  extraction: Extraction
  inferred: InferredMetadata
  signature: Uint32Array | null
  nearDuplicate: NearMatch | null
  children: PreparedLetter[]
  /** Attachments not imported as letters, with the reason. */
  listed: LetterAttachment[]
}

interface Batch {
  ctx: CoreContext
  register: RegisterEntry[]
  own: OwnIdentity
  settings: ImportSettings
  extractor: Extractor
}

let fallbackExtractor: Extractor | null = null

/** A group is at most this many files and bytes: enough to share a commit, small enough to hold. */
export const GROUP_FILES = 8
export const GROUP_BYTES = 32 * 1024 * 1024

export async function importFiles(ctx: CoreContext, files: IncomingFile[], method: ImportMethod): Promise<ImportOutcome[]> {
  const batch: Batch = {
    ctx,
    register: await loadRegister(ctx),
    own: await ownIdentity(ctx.db),
    settings: await loadImportSettings(ctx.db),
    extractor: ctx.extractor ?? (fallbackExtractor ??= inProcessExtractor()),
  }
  const outcomes: ImportOutcome[] = []
  for (const group of groupFiles(files)) {
    outcomes.push(...(await importGroup(batch, group, method)))
    // Storing a group runs synchronously in SQLite; let timers and other calls (searches, the
    // window's requests) in between groups so a long import never freezes the app.
    await new Promise((resolve) => setImmediate(resolve))
  }
  return outcomes
}

/** Splits files into groups of at most GROUP_FILES files and GROUP_BYTES bytes (a big file alone). */
export function groupFiles<T extends { bytes: Uint8Array }>(files: T[]): T[][] {
  const groups: T[][] = []
  let current: T[] = []
  let bytes = 0
  for (const file of files) {
    if (current.length > 0 && (current.length >= GROUP_FILES || bytes + file.bytes.length > GROUP_BYTES)) {
      groups.push(current)
      current = []
      bytes = 0
    }
    current.push(file)
    bytes += file.bytes.length
  }
  if (current.length > 0) groups.push(current)
  return groups
}

async function importGroup(batch: Batch, files: IncomingFile[], method: ImportMethod): Promise<ImportOutcome[]> {
  // Parse every file of the group at once; the pool reads as many as it has threads.
  const staged = await Promise.all(files.map((file) => stage(batch, file)))
  const stored = await storeGroup(batch.ctx, staged, method, nearInGroup)
  return stored.map((entry) => {
    if (entry.kind === 'failed') return { file: entry.name, status: 'failed', error: entry.error }
    if (entry.kind === 'duplicate') return { file: entry.name, status: 'duplicate', ...entry.held }
    const { prepared } = entry
    return {
      file: prepared.name,
      status: 'imported',
      letterId: entry.letterId,
      organisation: prepared.inferred.organisation.value,
      date: prepared.inferred.date.value,
      subject: prepared.inferred.subject.value,
      format: prepared.format,
      ocr: prepared.extraction.ocr,
      nearDuplicateOf: prepared.nearDuplicate?.letterId ?? null,
      attachments: entry.attachments,
    }
  })
}

/** A near-duplicate among the letters stored earlier in the same group (not yet in the index). */
function nearInGroup(signature: Uint32Array, earlier: { letterId: number; signature: Uint32Array }[]): NearMatch | null {
  let best: NearMatch | null = null
  for (const other of earlier) {
    const score = similarity(signature, other.signature)
    if (score >= NEAR_DUPLICATE_THRESHOLD && (!best || score > best.similarity)) best = { letterId: other.letterId, similarity: score }
  }
  return best
}

async function stage(batch: Batch, file: IncomingFile): Promise<Staged> {
  const name = safeName(file.name)
  try {
    checkSize(name, file.bytes.length, batch.settings.maxFileBytes)
    const sha256 = sha(file.bytes)
    const held = await findBySha(batch.ctx, sha256)
    if (held) return { kind: 'duplicate', name, held }
    return { kind: 'prepared', prepared: await prepare(batch, { name, bytes: file.bytes }, sha256, 0) }
  } catch (error) {
    if (error instanceof AppError) return { kind: 'failed', name, error: error.message }
    throw error
  }
}

async function prepare(batch: Batch, file: IncomingFile, sha256: string, depth: number): Promise<PreparedLetter> {
  const format = sniffFormat(file.bytes, file.name)
  const extraction = await batch.extractor.extract({ bytes: file.bytes, format, fileName: file.name, limits: batch.settings.limits }, batch.settings.timeLimitMs)
  if (extraction.text.length === 0) {
    throw new AppError('unsupported_file', `${file.name} has no text to import; it may be blank or hold only pictures.`)
  }
  const inferred = inferMetadata(extraction.text, batch.register, batch.own, { email: extraction.email, heading: extraction.heading })
  const signature = signatureOf(extraction.text)
  const nearDuplicate = signature ? await findNearDuplicate(batch.ctx.db, signature) : null
  const { children, listed } = await prepareAttachments(batch, extraction, depth, sha256)
  return { name: file.name, bytes: file.bytes, sha256, format, extraction, inferred, signature, nearDuplicate, children, listed }
}

/** Attachments that fail are listed with the reason; they never fail the e-mail that carried them. */
async function prepareAttachments(batch: Batch, extraction: Extraction, depth: number, parentSha: string) {
  const children: PreparedLetter[] = []
  const listed: LetterAttachment[] = extraction.listed.map((name) => ({ name, letterId: null, note: 'not a letter; kept in the original e-mail' }))
  const seen = new Set<string>([parentSha])
  for (const attachment of extraction.letters) {
    const note = (text: string) => listed.push({ name: attachment.name, letterId: null, note: text })
    if (depth + 1 > MAX_ATTACHMENT_DEPTH) {
      note(`attached ${MAX_ATTACHMENT_DEPTH} messages deep; not imported`)
      continue
    }
    try {
      checkSize(attachment.name, attachment.bytes.length, batch.settings.maxFileBytes)
      const sha256 = sha(attachment.bytes)
      if (seen.has(sha256)) continue // the same file attached twice
      seen.add(sha256)
      const held = await findBySha(batch.ctx, sha256)
      if (held) {
        listed.push({ name: attachment.name, letterId: held.letterId, note: `already held as letter ${held.letterId}` })
        continue
      }
      children.push(await prepare(batch, attachment, sha256, depth + 1))
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      note(error.message)
    }
  }
  return { children, listed }
}

function checkSize(name: string, size: number, limit: number): void {
  if (size > limit) {
    const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`
    throw new AppError('unsupported_file', `${name} is ${mb(size)}, over the ${mb(limit)} limit for one letter (the limit can be changed in the import settings).`)
  }
}

function sha(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export async function findBySha(ctx: Pick<CoreContext, 'db'>, sha256: string) {
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
