// Builds Progress Desk (electron-vite build) when out/ is missing, or, when asked, when a source
// file is newer than the build. Shared by run-built.cjs (CLI, harness, bench) and start.cjs.
const { existsSync, readdirSync, statSync } = require('node:fs')
const { join } = require('node:path')
const { spawnSync } = require('node:child_process')

const BUILT_FILES = [join('out', 'main', 'index.js'), join('out', 'preload', 'index.js'), join('out', 'renderer', 'index.html')]
const SOURCES = ['src', 'electron.vite.config.ts', 'package.json']

function newestSourceTime(root) {
  let newest = 0
  for (const source of SOURCES) {
    const path = join(root, source)
    if (!existsSync(path)) continue
    const stat = statSync(path)
    if (!stat.isDirectory()) newest = Math.max(newest, stat.mtimeMs)
    else for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
    }
  }
  return newest
}

/** Why a build is needed ('missing' or 'stale'), or null when out/ is up to date. */
function buildNeeded(root, { entry, whenStale = false } = {}) {
  const built = [...BUILT_FILES, ...(entry ? [entry] : [])].map((file) => join(root, file))
  if (built.some((file) => !existsSync(file))) return 'missing'
  if (!whenStale) return null
  const oldestBuild = Math.min(...built.map((file) => statSync(file).mtimeMs))
  return newestSourceTime(root) > oldestBuild ? 'stale' : null
}

/** Builds if needed; returns false (having said so) when the build fails. */
function buildOnce(root, options = {}) {
  const reason = buildNeeded(root, options)
  if (!reason) return true
  process.stderr.write(reason === 'missing' ? 'Building Progress Desk once (out/ is missing)…\n' : 'Building Progress Desk (the sources changed since the last build)…\n')
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (build.status !== 0 || buildNeeded(root, { entry: options.entry }) !== null) {
    process.stderr.write('The build failed; run `npm run build` to see why.\n')
    return false
  }
  return true
}

module.exports = { buildNeeded, buildOnce }
