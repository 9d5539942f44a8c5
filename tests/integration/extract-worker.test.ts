// The real extraction worker, as the app and the CLI run it: the entry built to
// out/main/extract-worker.js. Vitest runs the TypeScript sources, which a worker thread cannot
// load, so these tests need the build; `npm test` builds before Vitest, so they run in CI. On a
// fresh checkout without `npm run build` they are skipped, and say why.
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../src/shared/api/errors'
import { DEFAULT_EXTRACT_LIMITS } from '../../src/main/core/letters/extractors/types'
import type { Extractor } from '../../src/main/core/letters/worker/extractor'
import { createWorkerPool, findWorkerEntry } from '../../src/main/core/letters/worker/worker-pool'
import { HAS_PDFTOPPM, minimalPdf, pdfToImage } from '../support/letter-fixtures'

const entry = findWorkerEntry(join(__dirname, '..', '..', 'out', 'main'))
let pool: Extractor | null = null
afterEach(async () => {
  await pool?.close()
  pool = null
})

const NO_REGISTER = { register: [], own: { names: [], domains: [] } }
const job = (fileName: string, bytes: Uint8Array, format: 'pdf' | 'txt' | 'png') => ({ bytes, format, fileName, limits: DEFAULT_EXTRACT_LIMITS, inference: NO_REGISTER })

describe.skipIf(!entry)('the built extraction worker (needs out/main/extract-worker.js from `npm run build`; skipped without it)', () => {
  it('reads files in worker threads, reused across files', async () => {
    pool = createWorkerPool({ workerPath: entry!, size: 2 })
    const results = await Promise.all([1, 2, 3, 4].map((n) => pool!.read(job(`letter-${n}.pdf`, minimalPdf([[`Home Office letter ${n}`]]), 'pdf'), 30_000)))
    expect(results.map((r) => r.extraction.text)).toEqual([1, 2, 3, 4].map((n) => `Home Office letter ${n}`))
  })

  it('infers the sender, date and subject in the thread, against the register it is given', async () => {
    pool = createWorkerPool({ workerPath: entry!, size: 1 })
    const letter = new TextEncoder().encode('Crown Prosecution Service\n4 March 2021\nRe: Guidance for candidates\n\nDear Chair,\nThank you.\n\nYours sincerely,\nMax Hill')
    const register = [{ id: 7, name: 'Crown Prosecution Service', aliases: ['CPS'], domains: ['cps.gov.uk'] }]
    const reading = await pool.read({ ...job('cps.txt', letter, 'txt'), inference: { register, own: { names: [], domains: [] } } }, 30_000)
    expect(reading.inferred).toMatchObject({ organisationId: 7, date: { value: '2021-03-04' }, subject: { value: 'Guidance for candidates' }, signatory: { value: 'Max Hill' } })
  })

  it('turns a parser error into a per-file message', async () => {
    pool = createWorkerPool({ workerPath: entry!, size: 1 })
    await expect(pool.read(job('broken.pdf', new TextEncoder().encode('%PDF-1.4 broken'), 'pdf'), 30_000)).rejects.toThrow(/broken\.pdf (looks like a PDF but is damaged|has no text)/)
    // The same thread goes on to the next file.
    expect((await pool.read(job('ok.txt', new TextEncoder().encode('Fine'), 'txt'), 30_000)).extraction.text).toBe('Fine')
  })

  it('stops a file that takes too long, and replaces the thread', async () => {
    pool = createWorkerPool({ workerPath: entry!, size: 1 })
    const slow = pool.read(job('long.pdf', minimalPdf(Array.from({ length: 400 }, (_, i) => [`Page ${i}`])), 'pdf'), 1)
    await expect(slow).rejects.toThrow(AppError)
    await expect(slow).rejects.toThrow('long.pdf took longer than 0 s to read, so reading it was stopped.')
    expect((await pool.read(job('after.txt', new TextEncoder().encode('Still working'), 'txt'), 30_000)).extraction.text).toBe('Still working')
  })

  it('stops a thread that needs more memory than allowed', async () => {
    pool = createWorkerPool({ workerPath: entry!, size: 1, maxMemoryMb: 16 })
    // Half a million HTML elements: the parser's tree alone needs far more than 16 MB.
    const huge = new TextEncoder().encode(`<html><body>${'<p><b>a</b></p>'.repeat(500_000)}</body></html>`)
    await expect(pool.read({ ...job('huge.html', huge, 'txt'), format: 'html' }, 60_000)).rejects.toThrow(/huge\.html (needed more than 16 MB of memory|could not be read)/)
  }, 60_000)

  it.skipIf(!HAS_PDFTOPPM)('reads a picture by OCR with the offline English model (skipped without pdftoppm)', async () => {
    pool = createWorkerPool({ workerPath: entry!, size: 1 })
    const png = pdfToImage(minimalPdf([['Crown Prosecution Service', 'Guidance for candidates']]), 'png')!
    const result = await pool.read(job('scan.png', png, 'png'), 60_000)
    expect(result.extraction.ocr).toBe(true)
    expect(result.extraction.text).toContain('Crown Prosecution Service')
  }, 60_000)
})
