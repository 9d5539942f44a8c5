// The shapes a file takes on its way through the import: shared by the pipeline (import-service.ts)
// and the writer (store-letter.ts), in a file of their own so neither needs the other's types.
import type { LetterAttachment, LetterFormat } from '../../../shared/domain/dto'
import type { Extraction } from './extractors/types'
import type { InferredMetadata } from './infer-metadata'
import type { NearMatch } from './near-duplicates'

export type ImportMethod = 'app' | 'cli' | 'demo'

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

/** A letter already held with the same bytes, as an import outcome names it. */
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
  /** Not stored because the import was cancelled first. */
  | { kind: 'cancelled'; name: string }

/** Asked before each file is stored: true once the person has cancelled the import. */
export type Cancelled = () => boolean
