// Turns the bytes of a text letter into a string. In order of trust: a byte-order mark (UTF-8,
// UTF-16, UTF-32), a charset the file declares (an HTML meta tag, a MIME parameter), UTF-8 when
// it decodes cleanly, and otherwise a guess by jschardet from the byte statistics, decoded by
// iconv-lite (windows-1251, CP866, KOI8-R, Shift-JIS, EUC-KR, GB18030, Big5, windows-1252…).
// A guess the detector is not sure of is reported, so the letter can say its accents may be wrong.
import iconv from 'iconv-lite'
import jschardet from 'jschardet'
import type { EncodingGuess } from './extractors/types'
import { isLatinGuess, latinCodePage } from './latin-code-page'

/** The detector reads this much: enough for its statistics, and a bound on its time. */
const DETECT_SAMPLE_BYTES = 64 * 1024
/** Below this confidence a guessed encoding is reported on the letter. */
export const TRUSTED_GUESS = 0.8
/** When the detector has no answer: what Word on Windows writes as "plain text". */
const FALLBACK = 'windows-1252'
/** Below this the detector is only reading noise (a few accented bytes in English); jschardet's own floor. */
const LEAST_CONFIDENCE = 0.2

export interface DecodedText {
  text: string
  /** Set when the encoding was guessed from the bytes with less than TRUSTED_GUESS confidence. */
  guess: EncodingGuess | null
}

export function decodeText(bytes: Uint8Array, declared: string | null = null): string {
  return decodeTextReporting(bytes, declared).text
}

export function decodeTextReporting(bytes: Uint8Array, declared: string | null = null): DecodedText {
  const sure = (text: string): DecodedText => ({ text, guess: null })
  const b = bytes
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return sure(new TextDecoder('utf-8').decode(b.subarray(3)))
  // UTF-32 LE's mark starts like UTF-16 LE's, so it is looked for first.
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return sure(iconv.decode(Buffer.from(b.subarray(4)), 'utf-32le'))
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return sure(iconv.decode(Buffer.from(b.subarray(4)), 'utf-32be'))
  if (b[0] === 0xff && b[1] === 0xfe) return sure(new TextDecoder('utf-16le').decode(b.subarray(2)))
  if (b[0] === 0xfe && b[1] === 0xff) return sure(new TextDecoder('utf-16be').decode(b.subarray(2)))
  const label = declared ? knownEncoding(declared) : null
  if (label) return sure(iconv.decode(Buffer.from(b), label))
  try {
    return sure(new TextDecoder('utf-8', { fatal: true }).decode(b))
  } catch {
    return guessed(b)
  }
}

/** An encoding name iconv-lite can decode ("Shift_JIS", "cp1251", "x-mac-cyrillic"…), or null. */
export function knownEncoding(name: string): string | null {
  const label = name.trim().toLowerCase()
  return label && iconv.encodingExists(label) ? label : null
}

function guessed(bytes: Uint8Array): DecodedText {
  const sample = bytes.subarray(0, DETECT_SAMPLE_BYTES)
  const candidates = jschardet.detectAll(sample)
  const top = candidates[0]
  const detected = top?.encoding && top.confidence >= LEAST_CONFIDENCE ? knownEncoding(top.encoding) : null
  // Western or Central European: the detector's statistics are weak there, so its guess (or its
  // silence) is checked against the letters each reading gives (latin-code-page.ts).
  const encoding = detected && !isLatinGuess(detected) ? detected : latinCodePage(sample, detected ?? FALLBACK)
  const confidence = candidates.find((candidate) => candidate.encoding && knownEncoding(candidate.encoding) === encoding)?.confidence ?? 0
  const text = iconv.decode(Buffer.from(bytes), encoding)
  return { text, guess: confidence < TRUSTED_GUESS ? { encoding, confidence: Math.round(confidence * 100) / 100 } : null }
}

/** How a guessed encoding is recorded with the letter's other inferences (shown in its details). */
export function encodingInference(guess: EncodingGuess): { value: string; confidence: number; reason: string } {
  return { value: guess.encoding, confidence: guess.confidence, reason: 'character encoding guessed from the bytes; accented or non-Latin letters may be wrong' }
}
