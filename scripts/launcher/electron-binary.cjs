// Finds Electron's binary without require('electron'): that module downloads the binary on
// require and prints a stack trace when it cannot. Fetching is done here once, quietly, with a
// time limit, by Electron's own install script (which npm 11 skips unless allowScripts approves it).
const { existsSync, readFileSync } = require('node:fs')
const { join } = require('node:path')
const { spawnSync } = require('node:child_process')

const FETCH_TIME_LIMIT_MS = 180_000

function electronPackageDir(root) {
  return join(root, 'node_modules', 'electron')
}

/** The path of Electron's executable, or null when it is not installed. */
function findElectronBinary(root, env = process.env) {
  const dir = electronPackageDir(root)
  if (!existsSync(join(dir, 'package.json'))) return null
  const pathFile = join(dir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  // ELECTRON_OVERRIDE_DIST_PATH is Electron's own setting for a binary kept elsewhere.
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? 'electron') : relative ? join(dir, 'dist', relative) : null
  return binary && existsSync(binary) ? binary : null
}

/**
 * Runs Electron's install script once. Returns null when the binary is then present, else the
 * reason in words (for the one sentence the launcher prints).
 */
function fetchElectron(root, env = process.env, timeLimitMs = FETCH_TIME_LIMIT_MS) {
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) return 'its download is switched off (ELECTRON_SKIP_BINARY_DOWNLOAD is set)'
  const script = join(electronPackageDir(root), 'install.js')
  if (!existsSync(script)) return 'the electron package is not installed (run npm install)'
  process.stderr.write('Fetching Electron for the desktop window (first start only)…\n')
  const result = spawnSync(process.execPath, [script], { cwd: root, env, stdio: 'ignore', timeout: timeLimitMs })
  if (result.error?.code === 'ETIMEDOUT') return `its download did not finish within ${Math.round(timeLimitMs / 1000)} seconds`
  if (findElectronBinary(root, env)) return null
  return 'its binary could not be downloaded (no connection to its download server?)'
}

module.exports = { findElectronBinary, fetchElectron }
