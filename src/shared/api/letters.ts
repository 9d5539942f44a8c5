// Letters: the list, one letter, import, corrections, near-duplicates, the original file.
import { z } from 'zod'
import type { BinnedLetter, ImportLimits, ImportOutcome, LetterDetail, LetterPage, MergeResult, NearDuplicatePair } from '../domain/dto'
import { id, ifVersion, limit, method, none, text } from './define'
import { LETTER_PAGE_MAX, MAX_FILE_BYTES, MAX_FILES_PER_CALL, MAX_IMPORT_LIMIT_MEGABYTES } from './limits'
import { searchFiltersSchema } from './search'

/**
 * The letters list's filters: the search's letter filters (sender, group, cycle, format, date
 * range), with linked/unlinked/all, words (each must appear in the sender, subject, file name or a
 * linked recommendation's number), direction, and the bin (its letters instead of the others).
 */
export const letterListFiltersSchema = searchFiltersSchema
  .pick({ organisationId: true, group: true, cycleId: true, format: true, dateFrom: true, dateTo: true })
  .extend({
    linked: z.enum(['all', 'linked', 'unlinked']).optional(),
    words: text(200).optional(),
    direction: z.enum(['incoming', 'outgoing']).optional(),
    bin: z.boolean().optional(),
  })
  .strict()

/**
 * Files to import: base64 over any transport (at most MAX_FILE_BYTES each), or the bytes
 * themselves for a caller in the same process or across IPC (at most the highest size limit the
 * import settings allow; the limit set is checked by the core).
 */
const incomingFiles = z
  .array(
    z.union([
      z
        .object({
          name: text(255).min(1),
          // base64 of at most MAX_FILE_BYTES (4 characters per 3 bytes)
          dataBase64: z.string().max(Math.ceil(MAX_FILE_BYTES / 3) * 4),
        })
        .strict(),
      z
        .object({
          name: text(255).min(1),
          bytes: z
            .custom<Uint8Array>((value) => value instanceof Uint8Array, 'the bytes of a file')
            .refine((bytes) => bytes.length <= MAX_IMPORT_LIMIT_MEGABYTES * 1024 * 1024, `a file of at most ${MAX_IMPORT_LIMIT_MEGABYTES} MB`),
        })
        .strict(),
    ]),
  )
  .min(1)
  .max(MAX_FILES_PER_CALL)

/** The name a caller gives its import so that it can cancel it (crypto.randomUUID()). */
const importId = z.string().uuid('an import id made by crypto.randomUUID()')

export const lettersContract = {
  /**
   * One page of the letters passing the filters, newest first and undated last, with how many pass
   * them all. The next page starts at `cursor` (the last page's `nextCursor`: it holds the last
   * row's date and id, so inserts and deletes elsewhere never shift or repeat rows) or, to jump,
   * at a position `offset`; not both. `limit` rows a page (default 200).
   */
  'letters.list': method<LetterPage>()(
    letterListFiltersSchema
      .extend({
        cursor: text(200).optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
        limit: limit(LETTER_PAGE_MAX),
      })
      .strict(),
  ),
  'letters.get': method<LetterDetail>()(z.object({ id }).strict()),
  /**
   * Imports files. `importId`, a random id the caller chose, lets `letters.cancelImport` stop the
   * import: files not yet stored then come back as `cancelled`; files stored stay.
   */
  'letters.import': method<ImportOutcome[]>()(z.object({ files: incomingFiles, importId: importId.optional() }).strict()),
  /** Cancels the import of that id (running, or still on its way): it stores no further file. */
  'letters.cancelImport': method<{ cancelled: true }>()(z.object({ importId }).strict()),
  /**
   * One group of a long import (a few files). Groups sent one after another without waiting for
   * the answers are stored in the order they were sent: each is read while the one before it is
   * stored, and its near-duplicate checks see every letter stored before it.
   */
  'letters.importGroup': method<ImportOutcome[]>()(z.object({ files: incomingFiles }).strict()),
  /** A person confirming or correcting inferred fields; null clears a field. */
  'letters.update': method<LetterDetail>()(
    z
      .object({
        id,
        organisationId: id.nullable().optional(),
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').nullable().optional(),
        subject: text(300).nullable().optional(),
        signatory: text(200).nullable().optional(),
        /** The version the person started from; a save over a newer one is refused as stale. */
        ifVersion: ifVersion.optional(),
      })
      .strict(),
  ),
  /** Near-duplicates found on import, not yet merged or dismissed (for one letter, or all). */
  'letters.nearDuplicates': method<NearDuplicatePair[]>()(z.object({ letterId: id.optional() }).strict()),
  'letters.merge': method<MergeResult>()(z.object({ keepId: id, removeId: id }).strict()),
  'letters.dismissNearDuplicate': method<{ dismissed: true }>()(z.object({ letterId: id, duplicateOf: id }).strict()),
  'letters.importLimits': method<ImportLimits>()(none),
  'letters.saveImportLimits': method<ImportLimits>()(
    z.object({ maxFileMegabytes: z.number().min(1).max(MAX_IMPORT_LIMIT_MEGABYTES), timeLimitSeconds: z.number().int().min(5).max(3600) }).strict(),
  ),
  /** Opens a letter's original file in the system's viewer. */
  'letters.openOriginal': method<{ opened: boolean }>()(z.object({ id }).strict()),
  /** Saves a letter's original, named as the app opens it, into a folder the transport chooses
   *  (never one the caller names); `saved` is false when no folder was chosen or none can be. */
  'letters.saveOriginal': method<{ saved: boolean; path: string | null }>()(z.object({ id }).strict()),
  /** Puts a letter, and the letters attached to it, in the bin (undoable); the ids binned. */
  'letters.delete': method<{ deleted: number[] }>()(z.object({ id }).strict()),
  /** Takes a letter out of the bin with the attachments that went in with it (undoable). */
  'letters.restore': method<{ restored: number[] }>()(z.object({ id }).strict()),
  /** The letters in the bin, most recently deleted first. */
  'letters.bin': method<BinnedLetter[]>()(none),
  /** Removes a binned letter and its original for good; cannot be undone. */
  'letters.purge': method<{ purged: number[] }>()(z.object({ id }).strict()),
  /** Removes every letter in the bin and their originals for good; cannot be undone. */
  'letters.emptyBin': method<{ purged: number[] }>()(none),
  /** Marks a letter as received by the committee (incoming) or sent by it (outgoing). */
  'letters.setDirection': method<LetterDetail>()(z.object({ id, direction: z.enum(['incoming', 'outgoing']) }).strict()),
} as const
