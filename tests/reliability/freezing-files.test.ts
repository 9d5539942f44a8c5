// The app keeps answering while it imports files that once froze it (issue 9): through the
// loopback harness (the built app's core, reader threads and all), each freezing file is
// imported while `app.info` is asked every 50 ms. Every answer must arrive; how long the slowest
// took is reported as a figure, not asserted (the machine's load decides it). Needs the build
// (out/main/harness.js and extract-worker.js: `npx electron-vite build`; npm test builds first).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Envelope } from '../../src/shared/api/errors'
import type { ImportOutcome } from '../../src/shared/domain/dto'
import { TOKEN_HEADER } from '../../src/main/harness/harness-server'
import { startHarness, type Harness } from '../harness/start-harness'
import { freezingFiles } from '../support/freezing-files'
import { REPO_ROOT } from '../support/test-core'

const BUILT = ['main/harness.js', 'main/extract-worker.js', 'renderer/index.html'].every((file) => existsSync(join(REPO_ROOT, 'out', file)))

let harness: Harness
let token = ''
beforeAll(async () => {
  if (!BUILT) return
  harness = await startHarness()
  // The page carries the per-run token that RPC calls must present, as the browser reads it.
  const page = await (await fetch(harness.url)).text()
  token = /name="progress-desk-token" content="([^"]*)"/.exec(page)?.[1] ?? ''
})
afterAll(async () => {
  await harness?.stop()
})

async function call(method: string, input?: unknown): Promise<Envelope<unknown>> {
  const response = await fetch(new URL('rpc', harness.url), { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token }, body: JSON.stringify({ method, input }) })
  return (await response.json()) as Envelope<unknown>
}

describe.skipIf(!BUILT)('importing files that once froze the app (needs the build: out/main/harness.js, extract-worker.js)', () => {
  it('answers app.info throughout, and imports each file', { timeout: 180_000 }, async () => {
    const files = await freezingFiles()
    let importing = true
    const answers: { ok: boolean; ms: number }[] = []
    const polling = (async () => {
      while (importing) {
        const started = performance.now()
        const envelope = await call('app.info')
        answers.push({ ok: envelope.ok, ms: performance.now() - started })
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    })()
    const outcomes: { kind: string; status: unknown; error?: unknown }[] = []
    for (const file of files) {
      const envelope = await call('letters.import', { files: [{ name: file.name, dataBase64: Buffer.from(file.bytes).toString('base64') }] })
      const [outcome] = (envelope.ok ? envelope.value : []) as ImportOutcome[]
      outcomes.push({ kind: file.kind, status: outcome?.status, error: envelope.ok ? (outcome && 'error' in outcome ? outcome.error : undefined) : envelope.error.message })
    }
    importing = false
    await polling

    const slowest = Math.max(...answers.map((a) => a.ms))
    console.log(`freezing files through the harness: ${answers.length} app.info answers during ${files.length} imports, slowest ${slowest.toFixed(0)} ms`)
    expect(outcomes).toEqual(files.map((file) => ({ kind: file.kind, status: 'imported', error: undefined })))
    expect(answers.length).toBeGreaterThan(files.length)
    expect(answers.every((a) => a.ok)).toBe(true)
  })
})
