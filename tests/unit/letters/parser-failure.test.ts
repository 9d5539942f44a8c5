// Whatever a reader's native library throws becomes one sentence about that one file.
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/api/errors'
import { parserFailure } from '../../../src/main/core/letters/worker/extractor'

const job = { fileName: 'scan.png', format: 'png' as const }

describe('parserFailure', () => {
  it('turns odd thrown values into one sentence naming the file', () => {
    const throwingGetter = Object.defineProperty(new Error('x'), 'message', { get: () => { throw new Error('boom') } })
    const oddities: unknown[] = [
      Object.create(null),
      throwingGetter,
      Symbol('native'),
      undefined,
      { message: 42 },
      'Error in pixReadMemPng: internal png error\nError in pixReadMem: png: no pix returned\n\u001b[31mabort\u001b[0m',
      new Error('\n\n  Leptonica: bad\u202Edata \u0007 header\nsecond line'),
      new Error('x'.repeat(100_000)),
    ]
    for (const thrown of oddities) {
      const failure = parserFailure(job, thrown)
      expect(failure).toBeInstanceOf(AppError)
      expect(failure.code).toBe('unsupported_file')
      expect(failure.message).toMatch(/^scan\.png has a problem its PNG reader could not get past( \([^\n]*\))?; it may be damaged\.$/)
      expect(failure.message).not.toMatch(/[\u0000-\u001f\u202e]/)
      expect(failure.message.length).toBeLessThan(260)
    }
    expect(parserFailure(job, oddities[5]).message).toBe('scan.png has a problem its PNG reader could not get past (Error in pixReadMemPng: internal png error); it may be damaged.')
    expect(parserFailure(job, oddities[6]).message).toBe('scan.png has a problem its PNG reader could not get past (Leptonica: baddata  header); it may be damaged.')
  })

  it('passes a reader’s own AppError through unchanged', () => {
    const own = new AppError('unsupported_file', 'scan.png is too big.')
    expect(parserFailure(job, own)).toBe(own)
  })
})
