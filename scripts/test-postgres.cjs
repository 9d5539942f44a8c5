#!/usr/bin/env node
// The integration suite against a throwaway PostgreSQL: starts a cluster (with-postgres.cjs), runs
// Vitest on tests/integration with PROGRESS_DESK_TEST_ENGINE=postgres, then stops and removes the
// cluster whatever happened. Exits with Vitest's status (non-zero when a test fails).
//   node scripts/test-postgres.cjs                       the whole integration suite
//   node scripts/test-postgres.cjs tests/integration/x.test.ts [vitest options]   some of it
const { join } = require('node:path')
const { failed, runWithPostgres } = require('./with-postgres.cjs')

const args = process.argv.slice(2)
const files = args.length > 0 ? args : ['tests/integration']
const vitest = join(__dirname, '..', 'node_modules', 'vitest', 'vitest.mjs')
runWithPostgres([vitest, 'run', ...files], { PROGRESS_DESK_TEST_ENGINE: 'postgres' }).catch(failed)
