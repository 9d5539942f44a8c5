#!/usr/bin/env node
// Runs one of the built Node programs (out/main/NAME.js: harness, bench), building first only
// when the build is missing. Arguments after the name are passed on.
const { join } = require('node:path')
const { homedir } = require('node:os')
const { buildOnce } = require('./launcher/build-once.cjs')
const nodeModule = require('node:module')

// V8's compiled code is kept between runs (Node >= 22.1): a CLI call then starts about a fifth
// quicker. Set in the environment too, so the reader threads of an import use it as well. It is
// kept in this user's own cache folder, never in the shared temporary folder, where another user
// could plant compiled code for us to run.
process.env.NODE_COMPILE_CACHE ??= join(userCacheDir(), 'progress-desk', 'compile-cache')
nodeModule.enableCompileCache?.(process.env.NODE_COMPILE_CACHE)

/** The per-user cache folder: %LOCALAPPDATA%, ~/Library/Caches, or $XDG_CACHE_HOME / ~/.cache. */
function userCacheDir() {
  if (process.platform === 'win32' && process.env.LOCALAPPDATA) return process.env.LOCALAPPDATA
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches')
  return process.env.XDG_CACHE_HOME || join(homedir(), '.cache')
}

const root = join(__dirname, '..')
const name = process.argv[2]
const entry = join(root, 'out', 'main', `${name}.js`)
if (!buildOnce(root, { entry: join('out', 'main', `${name}.js`) })) process.exit(1)
process.argv.splice(2, 1)
require(entry)
