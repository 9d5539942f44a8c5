// Picks how letters are parsed: worker threads when the built worker entry is beside the running
// code (the app, the CLI, the harness), else in-process (Vitest, which runs the TypeScript sources).
import { inProcessExtractor, type Extractor } from './extractor'
import { createWorkerPool, findWorkerEntry } from './worker-pool'

export function chooseExtractor(preference: 'worker' | 'in-process'): Extractor {
  const entry = preference === 'worker' ? findWorkerEntry() : null
  return entry ? createWorkerPool({ workerPath: entry }) : inProcessExtractor()
}
