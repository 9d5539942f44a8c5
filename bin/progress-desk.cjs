#!/usr/bin/env node
// Starts the CLI from the built output, building it first only when the build is missing, so a
// call after the first one starts at once.
const { existsSync } = require('node:fs')
const { join } = require('node:path')
const { spawnSync } = require('node:child_process')

const root = join(__dirname, '..')
const entry = join(root, 'out', 'main', 'cli.js')
if (!existsSync(entry)) {
  process.stderr.write('progress-desk: building the app once (out/ is missing)…\n')
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (build.status !== 0 || !existsSync(entry)) {
    process.stderr.write('progress-desk: the build failed; run `npm run build` to see why.\n')
    process.exit(1)
  }
}
require(entry)
