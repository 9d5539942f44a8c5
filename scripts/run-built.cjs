#!/usr/bin/env node
// Runs one of the built Node programs (out/main/NAME.js: harness, bench), building first only
// when the build is missing. Arguments after the name are passed on.
const { existsSync } = require('node:fs')
const { join } = require('node:path')
const { spawnSync } = require('node:child_process')

const root = join(__dirname, '..')
const name = process.argv[2]
const entry = join(root, 'out', 'main', `${name}.js`)
if (!existsSync(entry) || !existsSync(join(root, 'out', 'renderer', 'index.html'))) {
  process.stderr.write('Building Progress Desk once (out/ is missing)…\n')
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (build.status !== 0 || !existsSync(entry)) {
    process.stderr.write('The build failed; run `npm run build` to see why.\n')
    process.exit(1)
  }
}
process.argv.splice(2, 1)
require(entry)
