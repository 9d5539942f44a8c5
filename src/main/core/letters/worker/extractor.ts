// How the import service asks for a file's text: through a pool of worker threads in the app and
// the CLI, or in-process in tests (Vitest runs the TypeScript sources, where no built worker
// entry exists). Both keep the per-file time limit; only the pool can also stop a runaway parser.
import { AppError } from '../../../../shared/api/errors'
import { extractLetter } from '../extract-text'
import type { Extraction, ExtractJob } from '../extractors/types'
import { shutdownOcr } from '../extractors/ocr'

export interface Extractor {
  readonly kind: 'worker-pool' | 'in-process'
  extract(job: ExtractJob, timeLimitMs: number): Promise<Extraction>
  close(): Promise<void>
}

export function tooSlow(fileName: string, timeLimitMs: number): AppError {
  return new AppError('unsupported_file', `${fileName} took longer than ${Math.round(timeLimitMs / 1000)} s to read, so reading it was stopped. If it is a long scanned document, split it and import the parts.`)
}

/** Anything but an AppError from a parser is still one file's problem, never the batch's. */
export function parserFailure(job: Pick<ExtractJob, 'fileName' | 'format'>, error: unknown): AppError {
  if (error instanceof AppError) return error
  const detail = error instanceof Error ? error.message : String(error)
  return new AppError('unsupported_file', `${job.fileName} has a problem its ${job.format.toUpperCase()} reader could not get past (${detail.slice(0, 160)}); it may be damaged.`)
}

export function inProcessExtractor(): Extractor {
  return {
    kind: 'in-process',
    async extract(job, timeLimitMs) {
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(tooSlow(job.fileName, timeLimitMs)), timeLimitMs)
      })
      try {
        return await Promise.race([extractLetter(job).catch((error: unknown) => Promise.reject(parserFailure(job, error))), timeout])
      } finally {
        clearTimeout(timer)
      }
    },
    close: shutdownOcr,
  }
}
