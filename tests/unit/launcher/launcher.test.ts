// The launcher's plain-Node pieces: where the data lives (must agree with the app), when there is
// no display, and whether Electron's binary is there.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { userDataDir } from '../../../src/main/paths'

const ROOT = join(__dirname, '..', '..', '..')
const requireHere = createRequire(__filename)
const launcherPaths = requireHere(join(ROOT, 'scripts', 'launcher', 'user-data-dir.cjs')) as { userDataDir: typeof userDataDir }
const { displayProblem } = requireHere(join(ROOT, 'scripts', 'start.cjs')) as { displayProblem: (platform: string, env: Record<string, string>) => string | null }
const { findElectronBinary, fetchElectron } = requireHere(join(ROOT, 'scripts', 'launcher', 'electron-binary.cjs')) as {
  findElectronBinary: (root: string, env: Record<string, string>) => string | null
  fetchElectron: (root: string, env: Record<string, string>) => string | null
}

describe('the launcher', () => {
  it('uses the desktop app’s data folder on every platform', () => {
    const cases: [NodeJS.Platform, NodeJS.ProcessEnv][] = [
      ['linux', {}],
      ['linux', { XDG_CONFIG_HOME: '/cfg' }],
      ['darwin', {}],
      ['win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }],
      ['win32', {}],
    ]
    for (const [platform, env] of cases) expect(launcherPaths.userDataDir(platform, env, '/home/a')).toBe(userDataDir(platform, env, '/home/a'))
  })

  it('sees no display on Linux without DISPLAY or WAYLAND_DISPLAY, and never on Windows or macOS', () => {
    expect(displayProblem('linux', {})).toMatch(/no display/)
    expect(displayProblem('linux', { DISPLAY: ':0' })).toBeNull()
    expect(displayProblem('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBeNull()
    expect(displayProblem('win32', {})).toBeNull()
    expect(displayProblem('darwin', {})).toBeNull()
  })

  it('finds Electron’s binary only where it exists, without requiring the electron package', () => {
    const root = mkdtempSync(join(tmpdir(), 'progress-desk-electron-'))
    const dir = join(root, 'node_modules', 'electron')
    mkdirSync(join(dir, 'dist'), { recursive: true })
    writeFileSync(join(dir, 'package.json'), '{}')
    expect(findElectronBinary(root, {})).toBeNull()
    writeFileSync(join(dir, 'path.txt'), 'electron')
    expect(findElectronBinary(root, {})).toBeNull()
    writeFileSync(join(dir, 'dist', 'electron'), '')
    expect(findElectronBinary(root, {})).toBe(join(dir, 'dist', 'electron'))
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: join(root, 'elsewhere') })).toBeNull()
  })

  it('does not try to download Electron when ELECTRON_SKIP_BINARY_DOWNLOAD is set, and says so', () => {
    expect(fetchElectron(ROOT, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })).toMatch(/switched off/)
  })
})
