// The import pipeline: size limit → exact duplicate → sniff → extract, infer and fingerprint
// (worker threads: read-letter.ts) → near-duplicate check → store. Files are taken in small groups: the group's files are parsed
// at once (one per worker thread), then stored in one short transaction, so that a batch pays
// for one durable commit per group rather than per file. While one group is being stored, the
// next is already being parsed, so the reader threads and the database take turns less and work
// side by side more. Each file is still all or nothing, and an e-mail and the letters attached to
// it are stored together or not at all. A file that fails to parse fails alone; the batch goes on.
// A person's import (`letters.import`) announces each group (`changed`) as soon as it is committed,
// so lists fill while it runs; the demonstration data is not announced until it is all there. A
// cancelled import reads no further group and stores no further file; files already stored stay,
// and the others are reported as cancelled.
import { createHash } from 'node:crypto'
import type { ImportOutcome, LetterAttachment, LetterFormat } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import { IMPORT_GROUP_BYTES, IMPORT_GROUP_FILES } from '../../../shared/api/limits'
import type { CoreContext } from '../context'
import { announceSoFar } from '../rpc/call-scope'
import { cleanDisplayName } from '../files/file-names'
import { loadRegister } from '../organisations/organisation-service'
import { ownIdentity } from '../settings/committee'
import type { Extraction } from './extractors/types'
import { similarity } from './fingerprint'
import { loadImportSettings, tooLarge, type ImportSettings } from './import-settings'
import type { Cancelled, ImportMethod, PreparedLetter, Staged } from './import-types'
import type { OwnIdentity, RegisterEntry } from './inference-types'
import { letterWithOriginal } from './letter-repository'
import { splitMailbox } from './mailbox'
import { findNearDuplicate, NEAR_DUPLICATE_THRESHOLD, type NearMatch } from './near-duplicates'
import type { LetterReading } from './read-letter'
import { sniffFormat } from './sniff'
import { storeGroup } from './store-letter'
import { inProcessExtractor, type Extractor } from './worker/extractor'

export interface IncomingFile {
  name: string
  bytes: Uint8Array
  /** Set when the file could not even be read from disk: it is reported as failed with this. */
  readError?: string
}

/** How deep e-mails may carry e-mails that carry letters (a .msg in a .msg in a .msg …). */
const MAX_ATTACHMENT_DEPTH = 4
/** How many letters one e-mail may bring in through its attachments, at every depth together. */
export const MAX_ATTACHED_LETTERS = 200

/** Attached letters one e-mail may still bring in (shared by the e-mails attached to it). */
interface AttachmentBudget {
  left: number
}

/** Which message of a mailbox file a letter came from. */
type MessageNumber = { number: number; of: number }

/** A file after its reader has run, before inference: what can be done ahead of storing. */
type Extracted = (
  | Exclude<Staged, { kind: 'prepared' }>
  | ({ kind: 'extracted'; name: string; bytes: Uint8Array; sha256: string; format: LetterFormat } & LetterReading)
  | { kind: 'crashed'; error: unknown }
) & { message?: MessageNumber }

interface Batch {
  ctx: CoreContext
  cancelled: Cancelled
  register: RegisterEntry[]
  own: OwnIdentity
  settings: ImportSettings
  extractor: Extractor
}

let fallbackExtractor: Extractor | null = null

/** A group is at most this many files and bytes: enough to share a commit, small enough to hold. */
export const GROUP_FILES = IMPORT_GROUP_FILES
export const GROUP_BYTES = IMPORT_GROUP_BYTES

export interface ImportOptions {
  /** Asked before each group is read and each file stored: true once the import is cancelled. */
  cancelled?: Cancelled
  /** Announce each group's letters once committed, rather than when the call ends. */
  announceEachGroup?: boolean
}

export async function importFiles(ctx: CoreContext, files: IncomingFile[], method: ImportMethod, options: ImportOptions = {}): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = []
  for await (const done of importGroups(ctx, groupFiles(files), method, options)) outcomes.push(...done.outcomes)
  return outcomes
}

/**
 * Imports groups of files in order and yields each group's outcomes once it is committed. The
 * next group is taken from `groups` (which may read it from disk) and handed to the readers
 * before the current one is stored: at most two groups are held in memory at a time.
 */
export async function* importGroups<T extends IncomingFile>(
  ctx: CoreContext,
  groups: Iterable<T[]> | AsyncIterable<T[]>,
  method: ImportMethod,
  { cancelled = () => false, announceEachGroup = false }: ImportOptions = {},
): AsyncGenerator<{ files: T[]; outcomes: ImportOutcome[] }> {
  const batch = await openBatch(ctx, cancelled)
  const iterator = Symbol.asyncIterator in groups ? groups[Symbol.asyncIterator]() : groups[Symbol.iterator]()
  const begin = async () => {
    const next = await iterator.next()
    if (next.done) return null
    // Once cancelled, a group is not even read: each of its files is reported as cancelled.
    const extracted: Promise<Extracted[][]> = cancelled()
      ? Promise.resolve(next.value.map((file) => [{ kind: 'cancelled', name: safeName(file.name) }]))
      : Promise.all(next.value.map((file) => extractFile(batch, file)))
    return { files: next.value, extracted }
  }
  let current = await begin()
  while (current) {
    const extracted = await current.extracted
    const following = await begin()
    // A mailbox gives one outcome per message, each carrying its `message` number, in file order.
    const outcomes = await storeExtracted(batch, extracted.flat(), method)
    if (announceEachGroup) await announceSoFar()
    yield { files: current.files, outcomes }
    current = following
    // Storing a group runs synchronously in SQLite; let timers and other calls (searches, the
    // window's requests) in between groups so a long import never freezes the app.
    await new Promise((resolve) => setImmediate(resolve))
  }
}

async function openBatch(ctx: CoreContext, cancelled: Cancelled): Promise<Batch> {
  return {
    ctx,
    cancelled,
    register: await loadRegister(ctx),
    own: await ownIdentity(ctx.db),
    settings: await loadImportSettings(ctx.db),
    extractor: ctx.extractor ?? (fallbackExtractor ??= inProcessExtractor()),
  }
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

async function storeExtracted(batch: Batch, extracted: Extracted[], method: ImportMethod): Promise<ImportOutcome[]> {
  const outcomes = await storeStaged(batch, extracted, method)
  return outcomes.map((outcome, index) => {
    const message = extracted[index]?.message
    return message ? { ...outcome, message } : outcome
  })
}

async function storeStaged(batch: Batch, extracted: Extracted[], method: ImportMethod): Promise<ImportOutcome[]> {
  // Inference and the near-duplicate check run now, after the previous group is stored, so a
  // letter is compared with every letter before it, as if the files came one at a time.
  const staged: Staged[] = []
  for (const entry of extracted) staged.push(entry.kind === 'extracted' && batch.cancelled() ? { kind: 'cancelled', name: entry.name } : await complete(batch, entry))
  const stored = await storeGroup(batch.ctx, staged, method, nearInGroup, batch.cancelled)
  return stored.map((entry) => {
    if (entry.kind === 'failed') return { file: entry.name, status: 'failed', error: entry.error }
    if (entry.kind === 'cancelled') return { file: entry.name, status: 'cancelled' }
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

/**
 * Reads one file's text; never rejects, so a group parsed ahead of its turn cannot end the batch
 * early. A file already held is not parsed (one held in the group being stored meanwhile is
 * parsed, and found a duplicate when stored).
 */
async function extractFile(batch: Batch, file: IncomingFile): Promise<Extracted[]> {
  if (file.readError !== undefined || file.bytes.length > batch.settings.maxFileBytes) return [await extract(batch, file)]
  let messages: Uint8Array[] | null
  try {
    messages = splitMailbox(file.bytes, safeName(file.name))
  } catch (error) {
    if (error instanceof AppError) return [{ kind: 'failed', name: safeName(file.name), error: error.message }]
    throw error
  }
  if (!messages) return [await extract(batch, file)]
  const of = messages.length
  return Promise.all(
    messages.map(async (bytes, index) => {
      const message = { number: index + 1, of }
      return { ...(await extract(batch, { name: `${file.name} › message ${message.number} of ${of}`, bytes })), message }
    }),
  )
}

async function extract(batch: Batch, file: IncomingFile): Promise<Extracted> {
  const name = safeName(file.name)
  try {
    if (file.readError !== undefined) return { kind: 'failed', name, error: file.readError }
    checkSize(name, file.bytes.length, batch.settings.maxFileBytes)
    const sha256 = sha(file.bytes)
    const held = await letterWithOriginal(batch.ctx.db, sha256)
    if (held) return { kind: 'duplicate', name, held }
    return { kind: 'extracted', name, bytes: file.bytes, sha256, ...(await readText(batch, name, file.bytes)) }
  } catch (error) {
    if (error instanceof AppError) return { kind: 'failed', name, error: error.message }
    return { kind: 'crashed', error }
  }
}

async function complete(batch: Batch, entry: Extracted): Promise<Staged> {
  if (entry.kind === 'crashed') throw entry.error
  if (entry.kind !== 'extracted') return entry
  try {
    return { kind: 'prepared', prepared: await understand(batch, entry, 0, { left: MAX_ATTACHED_LETTERS }) }
  } catch (error) {
    if (error instanceof AppError) return { kind: 'failed', name: entry.name, error: error.message }
    throw error
  }
}

/** An attached letter: read and understood at once (its e-mail is already being stored). */
async function prepare(batch: Batch, file: IncomingFile & { format?: LetterFormat }, sha256: string, depth: number, budget: AttachmentBudget): Promise<PreparedLetter> {
  return understand(batch, { name: file.name, bytes: file.bytes, sha256, ...(await readText(batch, file.name, file.bytes, file.format)) }, depth, budget)
}

/**
 * The file's type from its bytes, then, from the reader threads and within the time limit, its
 * text, what inference makes of it and its fingerprint: no pass over the text runs here.
 */
async function readText(batch: Batch, name: string, bytes: Uint8Array, known?: LetterFormat): Promise<{ format: LetterFormat } & LetterReading> {
  const format = known ?? sniffFormat(bytes, name)
  const job = { bytes, format, fileName: name, limits: batch.settings.limits, inference: { register: batch.register, own: batch.own } }
  return { format, ...(await batch.extractor.read(job, batch.settings.timeLimitMs)) }
}

/** The near-duplicate check and the attachments, for a file whose text has been read and understood. */
async function understand(batch: Batch, file: Omit<Extract<Extracted, { kind: 'extracted' }>, 'kind'>, depth: number, budget: AttachmentBudget): Promise<PreparedLetter> {
  const { extraction, inferred, signature } = file
  if (extraction.text.length === 0) {
    throw new AppError('unsupported_file', `${file.name} has no text to import; it may be blank or hold only pictures.`)
  }
  const nearDuplicate = signature ? await findNearDuplicate(batch.ctx.db, signature) : null
  const { children, listed } = await prepareAttachments(batch, extraction, depth, file.sha256, budget)
  return { name: file.name, bytes: file.bytes, sha256: file.sha256, format: file.format, extraction, inferred, signature, nearDuplicate, children, listed }
}

/** Attachments that fail are listed with the reason; they never fail the e-mail that carried them. */
async function prepareAttachments(batch: Batch, extraction: Extraction, depth: number, parentSha: string, budget: AttachmentBudget) {
  const children: PreparedLetter[] = []
  const listed: LetterAttachment[] = extraction.listed.map((name) => ({ name, letterId: null, note: 'not a letter; kept in the original e-mail' }))
  const seen = new Set<string>([parentSha])
  for (const attachment of extraction.letters) {
    const note = (text: string) => listed.push({ name: attachment.name, letterId: null, note: text })
    if (depth + 1 > MAX_ATTACHMENT_DEPTH) {
      note(`attached ${MAX_ATTACHMENT_DEPTH} messages deep; not imported`)
      continue
    }
    if (budget.left <= 0) {
      note(`not imported: one e-mail may bring in at most ${MAX_ATTACHED_LETTERS} letters; kept in the original e-mail`)
      continue
    }
    try {
      checkSize(attachment.name, attachment.bytes.length, batch.settings.maxFileBytes)
      const sha256 = sha(attachment.bytes)
      if (seen.has(sha256)) continue // the same file attached twice
      seen.add(sha256)
      const held = await letterWithOriginal(batch.ctx.db, sha256)
      if (held) {
        listed.push({ name: attachment.name, letterId: held.letterId, note: `already held as letter ${held.letterId}` })
        continue
      }
      budget.left--
      children.push(await prepare(batch, attachment, sha256, depth + 1, budget))
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      note(error.message)
    }
  }
  return { children, listed }
}

function checkSize(name: string, size: number, limit: number): void {
  if (size > limit) throw new AppError('unsupported_file', tooLarge(name, size, limit))
}

function sha(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** A file's own name only: never a path, never invisible characters, never longer than 255. */
function safeName(name: string): string {
  return cleanDisplayName(name, 'unnamed file')
}
