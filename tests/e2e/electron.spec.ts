// The real Electron app, where its binary exists. The build machines cannot download it, so
// there this test skips and the renderer is covered in Chromium through the loopback harness.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect } from './fixtures'

const ROOT = join(__dirname, '..', '..')
const ELECTRON_DIST = join(ROOT, 'node_modules', 'electron', 'dist')

test('the Electron window opens with the Progress Desk title', async () => {
  test.skip(
    !existsSync(ELECTRON_DIST),
    'Electron binary not installed here (node_modules/electron/dist missing): the renderer is tested in Chromium via the loopback harness instead',
  )
  // Imported here so that machines without Electron never load its launcher.
  const { _electron } = await import('@playwright/test')
  const app = await _electron.launch({ args: [join(ROOT, 'out', 'main', 'index.js')], cwd: ROOT })
  try {
    const window = await app.firstWindow()
    await expect(window).toHaveTitle(/Progress Desk/)
  } finally {
    await app.close()
  }
})
