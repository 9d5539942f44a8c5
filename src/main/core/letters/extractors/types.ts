// What every extractor returns. Plain data only: it crosses from a worker thread by structured clone.
import type { LetterFormat } from '../../../../shared/domain/dto'

export interface Mailbox {
  name: string
  address: string
}

/** The headers of an e-mail, read from the message itself rather than guessed from its text. */
export interface EmailHeaders {
  from: Mailbox | null
  to: Mailbox[]
  /** The sender's own calendar date (YYYY-MM-DD), from the Date header, or null. */
  date: string | null
  subject: string | null
}

/** A file inside an e-mail. Its name is for display only and never used as a path. */
export interface AttachedFile {
  name: string
  bytes: Uint8Array
  /** What the container says the file is (a message/rfc822 part is an e-mail), when it says. */
  format?: LetterFormat
}

export interface Extraction {
  text: string
  /** True when the text was read from pictures by OCR, so it may hold recognition errors. */
  ocr: boolean
  email: EmailHeaders | null
  /** A bold or underlined heading near the top of a Word, RTF or OpenDocument letter: a fallback subject. */
  heading: string | null
  /** Attachments that are letters in their own right: each becomes a letter linked to its e-mail. */
  letters: AttachedFile[]
  /** Other attachments (calendar invitations, logos, spreadsheets), listed by name only. */
  listed: string[]
  /** Set when the characters were decoded from a code page guessed with little confidence. */
  encodingGuess?: EncodingGuess | null
}

/** A character encoding guessed from byte statistics, with the detector's confidence (0–1). */
export interface EncodingGuess {
  encoding: string
  confidence: number
}

export interface ExtractLimits {
  /** ZIP containers (.docx, .odt) are checked against these before anything is inflated. */
  zipMaxEntries: number
  zipMaxTotalBytes: number
  zipMaxRatio: number
  /** How deeply MIME parts may nest in an e-mail. */
  mimeMaxDepth: number
  /** Resolution at which scanned PDF pages are rendered for OCR. */
  ocrDpi: number
  /** The most pages of a scanned PDF to read by OCR. */
  ocrMaxPages: number
}

export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = {
  zipMaxEntries: 2000,
  zipMaxTotalBytes: 200 * 1024 * 1024,
  zipMaxRatio: 100,
  mimeMaxDepth: 32,
  ocrDpi: 150,
  ocrMaxPages: 50,
}

export interface ExtractJob {
  bytes: Uint8Array
  format: LetterFormat
  fileName: string
  limits: ExtractLimits
}

export function plainText(text: string, extra: Partial<Extraction> = {}): Extraction {
  return { text, ocr: false, email: null, heading: null, letters: [], listed: [], ...extra }
}
