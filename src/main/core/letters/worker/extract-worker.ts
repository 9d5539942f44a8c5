// Entry of an extraction worker thread (built to out/main/extract-worker.js). It reads one file
// at a time for the pool in worker-pool.ts (text, inference, fingerprint: read-letter.ts); the
// pool stops it if it runs too long or too large.
import { parentPort } from 'node:worker_threads'
import { AppError } from '../../../../shared/api/errors'
import { readLetter, type ReadJob } from '../read-letter'
import { parserFailure } from './extractor'
import type { WorkerReply } from './worker-pool'

parentPort?.on('message', (message: { id: number; job: ReadJob }) => {
  void readLetter(message.job).then(
    (reading) => parentPort?.postMessage({ id: message.id, ok: true, reading } satisfies WorkerReply),
    (error: unknown) => {
      const failure: AppError = parserFailure(message.job, error)
      parentPort?.postMessage({ id: message.id, ok: false, error: { code: failure.code, message: failure.message } } satisfies WorkerReply)
    },
  )
})
