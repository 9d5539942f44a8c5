// Everything about one file that needs no database: its text (by format), the guesses made from
// that text (sender, date, subject…) and its near-duplicate fingerprint. It runs in a reader
// thread, under the per-file time and memory limits, so no pass over a hostile file's text can
// hold up the main thread; the main thread only compares the fingerprint and stores the letter.
import { extractLetter } from './extract-text'
import type { Extraction, ExtractJob } from './extractors/types'
import { signatureOf } from './fingerprint'
import { inferMetadata, type InferredMetadata, type OwnIdentity, type RegisterEntry } from './infer-metadata'

/** What inference compares a letter with: the register and the committee's own identity. */
export interface InferenceContext {
  register: RegisterEntry[]
  own: OwnIdentity
}

export interface ReadJob extends ExtractJob {
  inference: InferenceContext
}

export interface LetterReading {
  extraction: Extraction
  inferred: InferredMetadata
  /** The MinHash signature, or null when the text is too short to compare. */
  signature: Uint32Array | null
}

export async function readLetter(job: ReadJob): Promise<LetterReading> {
  const extraction = await extractLetter(job)
  const { register, own } = job.inference
  const inferred = inferMetadata(extraction.text, register, own, { email: extraction.email, heading: extraction.heading })
  return { extraction, inferred, signature: signatureOf(extraction.text) }
}
