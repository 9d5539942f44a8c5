// `npm start` on a machine with no display and no Electron binary (like the build machines): within
// a minute it says in one sentence why the desktop window could not start and serves the app on a
// 127.0.0.1 URL, on the database PROGRESS_DESK_DB names, with no stack trace.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '..', '..')
let launcher: ChildProcess | null = null

// The launcher builds when out/ is missing or stale; that is done first, so the minute below is
// the launcher's own start, not a build on a busy machine.
beforeAll(() => {
  const { buildOnce } = createRequire(__filename)(join(ROOT, 'scripts', 'launcher', 'build-once.cjs')) as { buildOnce: (root: string, o: object) => boolean }
  expect(buildOnce(ROOT, { whenStale: true })).toBe(true)
}, 240_000)

afterAll(async () => {
  if (!launcher || launcher.exitCode !== null) return
  const exited = new Promise((resolve) => launcher!.once('exit', resolve))
  launcher.kill('SIGTERM')
  await exited
})

describe('npm start without a display or Electron', () => {
  it('falls back to browser mode: one sentence, then a 127.0.0.1 URL that serves the app', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'progress-desk-start-'))
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PROGRESS_DESK_DB: join(scratch, 'progress-desk.sqlite'),
      // Electron's own setting for where its binary lives: an empty folder, so none is found.
      ELECTRON_OVERRIDE_DIST_PATH: mkdtempSync(join(tmpdir(), 'progress-desk-no-electron-')),
      ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    }
    delete env.DISPLAY
    delete env.WAYLAND_DISPLAY
    launcher = spawn(process.execPath, [join(ROOT, 'scripts', 'start.cjs')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    launcher.stderr!.on('data', (chunk) => (stderr += chunk))
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL within 60 s; stdout: ${stdout} stderr: ${stderr}`)), 60_000)
      launcher!.stdout!.on('data', (chunk) => {
        stdout += chunk
        const match = /ready at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)
        if (match) {
          clearTimeout(timer)
          resolve(match[1]!)
        }
      })
      launcher!.once('exit', (code) => reject(new Error(`exited with ${code}; stdout: ${stdout} stderr: ${stderr}`)))
    })
    const [sentence, ...rest] = stdout.split('\n')
    expect(sentence).toMatch(/^The desktop window could not start because no display was found .*, so Progress Desk is running in your browser instead\.$/)
    expect(sentence!.match(/\. /g)).toBeNull()
    expect(rest[0]).toContain(url)
    expect(`${stdout}${stderr}`).not.toMatch(/\n\s+at |Error:/)
    const page = await fetch(url)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<title>Progress Desk</title>')
    expect(existsSync(env.PROGRESS_DESK_DB!)).toBe(true)
  }, 90_000)
})
