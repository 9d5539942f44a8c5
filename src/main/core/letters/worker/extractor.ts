// How the import service asks for a file's text and what can be inferred from it: through a pool
// of worker threads in the app and the CLI, or in-process in tests (Vitest runs the TypeScript
// sources, where no built worker entry exists). Both keep the per-file time limit; only the pool
// can also stop a runaway parser, and only the pool keeps the main thread free meanwhile.
import { AppError } from '../../../../shared/api/errors'
import type { ExtractJob } from '../extractors/types'
import type { LetterReading, ReadJob } from '../read-letter'

export interface Extractor {
  readonly kind: 'worker-pool' | 'in-process'
  read(job: ReadJob, timeLimitMs: number): Promise<LetterReading>
  close(): Promise<void>
}

export function tooSlow(fileName: string, timeLimitMs: number): AppError {
  return new AppError('unsupported_file', `${fileName} took longer than ${Math.round(timeLimitMs / 1000)} s to read, so reading it was stopped. If it is a long scanned document, split it and import the parts.`)
}

/**
 * Anything but an AppError from a parser is still one file's problem, never the batch's, and
 * becomes one sentence: native libraries (image decoders, pdf.js, OCR) throw odd things: objects
 * with no prototype, getters that throw, multi-line dumps meant for stderr.
 */
export function parserFailure(job: Pick<ExtractJob, 'fileName' | 'format'>, error: unknown): AppError {
  if (error instanceof AppError) return error
  const detail = firstLine(describe(error))
  return new AppError('unsupported_file', `${job.fileName} has a problem its ${job.format.toUpperCase()} reader could not get past${detail ? ` (${detail})` : ''}; it may be damaged.`)
}

function describe(error: unknown): string {
  try {
    if (error instanceof Error) return String(error.message)
    if (typeof error === 'string') return error
    return typeof error === 'object' && error !== null && 'message' in error ? String((error as { message: unknown }).message) : String(error)
  } catch {
    return ''
  }
}

/** The first non-empty line, without control or format characters, at most 160 characters. */
function firstLine(text: string): string {
  const line = text.slice(0, 2000).split(/[\r\n]+/).find((part) => part.trim() !== '') ?? ''
  return line.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu, '').trim().slice(0, 160)
}

/**
 * The parsers and their libraries are loaded on first use only: when the pool parses, the main
 * thread (the app, the CLI) never loads them, and starts quicker.
 */
let parsers: Promise<typeof import('../read-letter')> | null = null
let ocr: Promise<typeof import('../extractors/ocr')> | null = null

export function inProcessExtractor(): Extractor {
  return {
    kind: 'in-process',
    async read(job, timeLimitMs) {
      const { readLetter } = await (parsers ??= import('../read-letter'))
      ocr ??= import('../extractors/ocr')
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(tooSlow(job.fileName, timeLimitMs)), timeLimitMs)
      })
      try {
        return await Promise.race([readLetter(job).catch((error: unknown) => Promise.reject(parserFailure(job, error))), timeout])
      } finally {
        clearTimeout(timer)
      }
    },
    async close() {
      if (ocr) await (await ocr).shutdownOcr()
    },
  }
}
