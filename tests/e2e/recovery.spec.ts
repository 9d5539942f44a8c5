// A damaged database (issue 6): on opening, Progress Desk moves it aside, starts a fresh one and
// says so above the first-run question, offering the latest backup; restoring it brings the data
// back. This spec runs its own harness twice on one folder (the fixture's is fresh every time).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from '@playwright/test'

const ROOT = join(__dirname, '..', '..')

function startOn(databasePath: string, downloads: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'out', 'main', 'harness.js'), '--db', databasePath, '--downloads', downloads], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`the harness did not start:\n${output}`)), 20_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /ready at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)
      if (!match?.[1]) return
      clearTimeout(timer)
      resolve({
        url: match[1],
        stop: async () => {
          if (child.exitCode !== null) return
          const exited = new Promise((done) => child.once('exit', done))
          child.kill('SIGTERM')
          await exited
        },
      })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
  })
}

test('a damaged database is set aside and the latest backup offered and restored', async ({ page }) => {
  test.setTimeout(120_000)
  const dir = mkdtempSync(join(tmpdir(), 'progress-desk-recovery-'))
  const databasePath = join(dir, 'progress-desk.sqlite')
  const downloads = join(dir, 'downloads')
  try {
    const first = await startOn(databasePath, downloads)
    await page.goto(first.url)
    await page.getByRole('button', { name: 'Load demonstration data' }).click()
    await expect(page.getByRole('listbox', { name: 'Letters' })).toBeVisible({ timeout: 30_000 })
    await page.goto(`${first.url}#/cycles/backups`)
    await page.getByRole('button', { name: 'Back up now' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Backup taken on' })).toBeVisible()
    await first.stop()

    // The file's header is overwritten: it is no longer a database SQLite can open.
    const fd = openSync(databasePath, 'r+')
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 0)
    closeSync(fd)

    const second = await startOn(databasePath, downloads)
    await page.goto(second.url)
    const banner = page.getByRole('alert').filter({ hasText: 'Progress Desk found its database damaged and started a fresh one.' })
    await expect(banner).toBeVisible()
    await expect(banner).toContainText('The damaged file was kept as')
    // The fresh database is empty until the backup is restored.
    await expect(page.getByText('No letters yet.')).toBeVisible()
    await page.screenshot({ path: 'test-results/screenshots/recovery-banner.png' })
    await banner.getByRole('button', { name: 'Restore the latest backup' }).click()

    await expect(page.locator('.toast-viewport').getByText(/^Restored the backup taken on/)).toBeVisible({ timeout: 20_000 })
    await expect(banner).toBeHidden()
    await expect(page.getByRole('listbox', { name: 'Letters' }).getByRole('option').first()).toBeVisible()
    await second.stop()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
