// Offline OCR with tesseract.js and the English model shipped in @tesseract.js-data/eng: the
// model is read from that package's folder (langPath), never downloaded, and never cached to
// disk. One recogniser per thread is created on first use and reused, since loading the model
// takes about a second.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { createWorker, OEM, type Worker } from 'tesseract.js'

const requireFromHere = createRequire(__filename)
let recogniser: Promise<Worker> | null = null

/**
 * The package ships two English models; the integer LSTM one ("best_int", 3 MB) is what
 * tesseract.js itself picks for LSTM-only recognition: as accurate here, and quicker to load
 * than the default 11 MB one, which also carries the legacy engine.
 */
function englishModelFolder(): string {
  const folder = (requireFromHere('@tesseract.js-data/eng') as { langPath: string }).langPath
  const integer = join(dirname(folder), '4.0.0_best_int')
  return existsSync(join(integer, 'eng.traineddata.gz')) ? integer : folder
}

function getRecogniser(): Promise<Worker> {
  recogniser ??= createWorker('eng', OEM.LSTM_ONLY, { langPath: englishModelFolder(), gzip: true, cacheMethod: 'none' })
  return recogniser
}

export interface Recognition {
  text: string
  /** The recogniser's mean confidence in its words, 0–100. */
  confidence: number
}

/** Reads the text of one picture (PNG or JPEG bytes), with how sure the recogniser is of it. */
export async function recogniseWithConfidence(image: Uint8Array): Promise<Recognition> {
  const worker = await getRecogniser()
  const result = await worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength))
  return { text: result.data.text, confidence: result.data.confidence }
}

/** Reads the text of one picture (PNG or JPEG bytes). */
export async function recognise(image: Uint8Array): Promise<string> {
  return (await recogniseWithConfidence(image)).text
}

/** A word of two or more letters. */
const WORD = /\p{L}{2,}/u
/**
 * The recogniser's mean confidence over what it read: printed or typed text scores 80–95 even on
 * a poor scan, while the "words" it reads into the grain of a photograph score 20–35.
 */
const SURE = 45

/** Text: at least one word, read with the confidence that typed or printed text gets. */
export function hasText({ text, confidence }: Recognition): boolean {
  return WORD.test(text) && confidence >= SURE
}

/** Stops the recogniser's thread, so that a process (or a test) can end. */
export async function shutdownOcr(): Promise<void> {
  const current = recogniser
  recogniser = null
  if (current) await (await current).terminate()
}
