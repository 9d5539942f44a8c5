// Starts the built loopback harness (out/main/harness.js) on a fresh temporary database (or on
// `databasePath`, a file or a team database's URL, which is left in place) and returns its URL,
// like a person running `npm run serve:browser` (with `--as` when `actor` names who acts).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Harness {
  url: string
  databasePath: string
  downloadsDir: string
  stop(): Promise<void>
}

const ROOT = join(__dirname, '..', '..')

export async function startHarness(options: { databasePath?: string; actor?: string } = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'progress-desk-e2e-'))
  const databasePath = options.databasePath ?? join(dir, 'progress-desk.sqlite')
  const downloadsDir = join(dir, 'downloads')
  const actor = options.actor ? ['--as', options.actor] : []
  const child = spawn(process.execPath, [join(ROOT, 'out', 'main', 'harness.js'), '--db', databasePath, '--downloads', downloadsDir, ...actor], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = await waitForUrl(child)
  return {
    url,
    databasePath,
    downloadsDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        // The harness exits by itself within a few seconds; a stuck one must not hold up the suite.
        const force = setTimeout(() => child.kill('SIGKILL'), 8_000)
        await exited
        clearTimeout(force)
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`the harness did not start within 20 s:\n${output}`)), 20_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /ready at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the harness exited with code ${code}:\n${output}`))
    })
  })
}
