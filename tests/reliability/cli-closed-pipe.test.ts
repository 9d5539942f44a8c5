// `progress-desk … | head`: when the reader of the CLI's output goes away, the command ends
// quietly (exit 0, nothing on stderr) instead of dying with a broken pipe's stack trace.
// Uses the built CLI (npm test builds before Vitest).
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestCore, REPO_ROOT, type TestCore } from '../support/test-core'

const CLI = join(REPO_ROOT, 'out', 'main', 'cli.js')

let scratch: TestCore
beforeAll(async () => {
  scratch = await createTestCore()
  await scratch.close()
})
afterAll(() => scratch.dispose().catch(() => undefined))

it.skipIf(!existsSync(CLI))('ends quietly when its output is closed (needs out/main/cli.js: npm test builds it)', { timeout: 60_000 }, async () => {
  const child = spawn(process.execPath, [CLI, '--db', join(scratch.dir, 'pipe.sqlite'), 'letters', 'list', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] })
  // Closed before the CLI has started, so its first write finds no reader.
  child.stdout.destroy()
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  expect(stderr).toBe('')
  expect(code).toBe(0)
})
