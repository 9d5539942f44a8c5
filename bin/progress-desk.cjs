#!/usr/bin/env node
// The progress-desk command: runs the built CLI (out/main/cli.js) through the same launcher as
// the harness and the bench, which builds first only when the build is missing.
process.argv.splice(2, 0, 'cli')
require('../scripts/run-built.cjs')
