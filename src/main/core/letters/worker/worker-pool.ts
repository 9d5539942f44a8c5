// A small pool of extraction threads (one per core), reused across files. Each thread has a
// memory ceiling (resourceLimits) and each file a time limit: a thread that exceeds either is
// terminated and replaced, and only that file fails. Idle threads do not keep the process alive.
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { AppError, type ErrorCode } from '../../../../shared/api/errors'
import type { LetterReading, ReadJob } from '../read-letter'
import { tooSlow, type Extractor } from './extractor'

export type WorkerReply = { id: number; ok: true; reading: LetterReading } | { id: number; ok: false; error: { code: ErrorCode; message: string } }

export interface PoolOptions {
  workerPath: string
  size?: number
  maxMemoryMb?: number
}

interface Task {
  id: number
  job: ReadJob
  timeLimitMs: number
  resolve(reading: LetterReading): void
  reject(error: AppError): void
}

interface Slot {
  worker: Worker
  task: Task | null
  timer: NodeJS.Timeout | null
}

/** The built worker entry beside the running code (out/main/ or out/main/chunks/), or null. */
export function findWorkerEntry(dir: string = __dirname): string | null {
  for (const candidate of [join(dir, 'extract-worker.js'), join(dir, '..', 'extract-worker.js')]) {
    if (existsSync(candidate)) return candidate
  }
  return null
}

export function createWorkerPool(options: PoolOptions): Extractor {
  // One core is left to the main thread, which stores letters and answers the window meanwhile.
  const size = Math.max(1, options.size ?? availableParallelism() - 1)
  const maxMemoryMb = options.maxMemoryMb ?? 1024
  const slots: Slot[] = []
  const queue: Task[] = []
  let nextId = 1
  let closed = false

  const spawn = (): Slot => {
    const worker = new Worker(options.workerPath, { resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 } })
    const slot: Slot = { worker, task: null, timer: null }
    worker.on('message', (reply: WorkerReply) => {
      const task = slot.task
      if (!task || reply.id !== task.id) return
      finish(slot)
      if (reply.ok) task.resolve(reply.reading)
      else task.reject(new AppError(reply.error.code, reply.error.message))
      pump()
    })
    worker.on('error', (error: Error & { code?: string }) => {
      const task = slot.task
      retire(slot)
      if (task) {
        const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        task.reject(new AppError('unsupported_file', memory
          ? `${task.job.fileName} needed more than ${maxMemoryMb} MB of memory to read, so reading it was stopped; it may be damaged or built to exhaust memory.`
          : `${task.job.fileName} could not be read: its reader stopped unexpectedly (${error.message.slice(0, 120)}).`))
      }
      pump()
    })
    worker.on('exit', () => {
      const task = slot.task
      retire(slot)
      if (task) task.reject(new AppError('unsupported_file', `${task.job.fileName} could not be read: its reader stopped unexpectedly.`))
      pump()
    })
    worker.unref()
    slots.push(slot)
    return slot
  }

  const finish = (slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer)
    slot.timer = null
    slot.task = null
    slot.worker.unref()
  }

  const retire = (slot: Slot) => {
    finish(slot)
    const index = slots.indexOf(slot)
    if (index >= 0) slots.splice(index, 1)
  }

  const pump = () => {
    while (!closed && queue.length > 0) {
      const slot = slots.find((s) => s.task === null) ?? (slots.length < size ? spawn() : null)
      if (!slot) return
      const task = queue.shift()!
      slot.task = task
      slot.worker.ref()
      slot.timer = setTimeout(() => {
        // A parser stuck in a loop cannot be interrupted from outside but by ending its thread.
        retire(slot)
        void slot.worker.terminate()
        task.reject(tooSlow(task.job.fileName, task.timeLimitMs))
        pump()
      }, task.timeLimitMs)
      const bytes = task.job.bytes.slice() // a private copy that can be moved, not copied again
      slot.worker.postMessage({ id: task.id, job: { ...task.job, bytes } }, [bytes.buffer])
    }
  }

  return {
    kind: 'worker-pool',
    read(job, timeLimitMs) {
      if (closed) return Promise.reject(new AppError('cancelled', 'Progress Desk is closing; the import was stopped.'))
      return new Promise<LetterReading>((resolve, reject) => {
        queue.push({ id: nextId++, job, timeLimitMs, resolve, reject })
        pump()
      })
    },
    async close() {
      closed = true
      for (const task of queue.splice(0)) task.reject(new AppError('cancelled', 'Progress Desk is closing; the import was stopped.'))
      await Promise.all(slots.splice(0).map((slot) => slot.worker.terminate()))
    },
  }
}
