#!/usr/bin/env node
// `npm run serve:browser [-- --db FILE --port N]`: builds once if needed, then starts the harness.
const { existsSync } = require('node:fs')
const { join } = require('node:path')
const { spawnSync } = require('node:child_process')

const root = join(__dirname, '..')
const entry = join(root, 'out', 'main', 'harness.js')
if (!existsSync(entry) || !existsSync(join(root, 'out', 'renderer', 'index.html'))) {
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}
require(entry)
