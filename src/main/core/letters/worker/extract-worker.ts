// Entry of an extraction worker thread (built to out/main/extract-worker.js). It reads one file
// at a time for the pool in worker-pool.ts; the pool stops it if it runs too long or too large.
import { parentPort } from 'node:worker_threads'
import { AppError } from '../../../../shared/api/errors'
import { extractLetter } from '../extract-text'
import type { ExtractJob } from '../extractors/types'
import { parserFailure } from './extractor'
import type { WorkerReply } from './worker-pool'

parentPort?.on('message', (message: { id: number; job: ExtractJob }) => {
  void extractLetter(message.job).then(
    (extraction) => parentPort?.postMessage({ id: message.id, ok: true, extraction } satisfies WorkerReply),
    (error: unknown) => {
      const failure: AppError = parserFailure(message.job, error)
      parentPort?.postMessage({ id: message.id, ok: false, error: { code: failure.code, message: failure.message } } satisfies WorkerReply)
    },
  )
})
