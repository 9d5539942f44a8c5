// The real Electron app, where its binary exists: the window on app://, the demonstration data,
// an import through the preload bridge, and a Word export through the (stubbed) save dialog. The
// build machines cannot download Electron, so there this skips and says why; the renderer is
// covered in Chromium through the loopback harness instead.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'

const ROOT = join(__dirname, '..', '..')
const { findElectronBinary } = createRequire(__filename)(join(ROOT, 'scripts', 'launcher', 'electron-binary.cjs')) as {
  findElectronBinary: (root: string, env: NodeJS.ProcessEnv) => string | null
}
const electronBinary = findElectronBinary(ROOT, process.env)

interface Bridge {
  invoke(method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>
}

test('the Electron window loads demo data, imports through the preload bridge and exports a Word file', async () => {
  test.skip(!electronBinary, 'Electron’s binary is not installed here (node_modules/electron/dist is missing and cannot be downloaded): the renderer is tested in Chromium via the loopback harness instead')
  test.setTimeout(120_000)
  const scratch = mkdtempSync(join(tmpdir(), 'progress-desk-electron-'))
  const exported = join(scratch, 'summary.docx')
  // Imported here so that machines without Electron never load its launcher.
  const { _electron } = await import('@playwright/test')
  const app = await _electron.launch({ executablePath: electronBinary!, args: [ROOT], cwd: ROOT, env: { ...process.env, PROGRESS_DESK_DB: join(scratch, 'progress-desk.sqlite') } })
  try {
    const window = await app.firstWindow()
    await expect(window).toHaveTitle(/Progress Desk/)
    expect(window.url()).toMatch(/^app:\/\/progress-desk\/index\.html/)

    await window.getByRole('button', { name: 'Load demonstration data' }).click()
    await expect(window.getByRole('listbox', { name: 'Letters' })).toBeVisible({ timeout: 60_000 })

    const letter = 'From: Jane Smith, Home Office\nDate: 3 March 2025\nSubject: Recommendation 4\n\nDear Chair,\n\nWe have published the new code.\n\nYours sincerely,\nJane Smith\n'
    const imported = await window.evaluate(
      (dataBase64) => (window as unknown as { bridge: Bridge }).bridge.invoke('letters.import', { files: [{ name: 'electron-letter.txt', dataBase64 }] }),
      Buffer.from(letter).toString('base64'),
    )
    expect(imported).toMatchObject({ ok: true })

    // The save dialog is the operating system's: answer it from the main process.
    await app.evaluate(({ dialog }, path) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog
    }, exported)
    const result = await window.evaluate(() => (window as unknown as { bridge: Bridge }).bridge.invoke('summary.export', {}))
    expect(result).toMatchObject({ ok: true })
    expect(existsSync(exported)).toBe(true)
    expect(readFileSync(exported).subarray(0, 2).toString('latin1')).toBe('PK')
  } finally {
    await app.close()
  }
})
