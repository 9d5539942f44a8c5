#!/usr/bin/env node
// Runs one of the built Node programs (out/main/NAME.js: harness, bench), building first only
// when the build is missing. Arguments after the name are passed on.
const { join } = require('node:path')
const { tmpdir } = require('node:os')
const { buildOnce } = require('./launcher/build-once.cjs')
const nodeModule = require('node:module')

// V8's compiled code is kept between runs (Node >= 22.1): a CLI call then starts about a fifth
// quicker. Set in the environment too, so the reader threads of an import use it as well.
process.env.NODE_COMPILE_CACHE ??= join(tmpdir(), 'progress-desk-compile-cache')
nodeModule.enableCompileCache?.(process.env.NODE_COMPILE_CACHE)

const root = join(__dirname, '..')
const name = process.argv[2]
const entry = join(root, 'out', 'main', `${name}.js`)
if (!buildOnce(root, { entry: join('out', 'main', `${name}.js`) })) process.exit(1)
process.argv.splice(2, 1)
require(entry)
