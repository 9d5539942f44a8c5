// Limits of one call, shared by the contract (which enforces them) and the renderer (which splits
// imports into batches that fit). Kept apart from contract.ts so the renderer does not bundle zod.
/** Files travel as base64 so that one shape works over IPC, HTTP and in-process calls. */
export const MAX_FILES_PER_CALL = 200
export const MAX_FILE_BYTES = 50 * 1024 * 1024
/** A group of a long import (letters.importGroup): at most this many files and about this many
 *  bytes, enough to share one commit and small enough to hold two in memory (a big file goes alone). */
export const IMPORT_GROUP_FILES = 8
export const IMPORT_GROUP_BYTES = 32 * 1024 * 1024
/** The highest size limit for one letter the import settings allow. */
export const MAX_IMPORT_LIMIT_MEGABYTES = 500
/** Letters a page of letters.list holds: by default, and at most. */
export const LETTER_PAGE_ROWS = 200
export const LETTER_PAGE_MAX = 500
