#!/usr/bin/env node
// The integration suite against a throwaway PostgreSQL: starts a cluster (postgres-test-server.cjs),
// runs Vitest on tests/integration with PROGRESS_DESK_TEST_ENGINE=postgres, then stops and removes
// the cluster whatever happened. Exits with Vitest's status (non-zero when a test fails).
//   node scripts/test-postgres.cjs                       the whole integration suite
//   node scripts/test-postgres.cjs tests/integration/x.test.ts [vitest options]   some of it
const { spawn } = require('node:child_process')
const { join } = require('node:path')
const { startPostgres } = require('./postgres-test-server.cjs')

const root = join(__dirname, '..')

async function main() {
  const server = await startPostgres()
  let stopped = false
  const stop = () => {
    if (!stopped) server.stop()
    stopped = true
  }
  process.on('exit', stop)
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130))
  process.stdout.write(`PostgreSQL test server: ${server.url}\n`)
  const args = process.argv.slice(2)
  const files = args.length > 0 ? args : ['tests/integration']
  const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs')
  const child = spawn(process.execPath, [vitest, 'run', ...files], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PROGRESS_DESK_TEST_ENGINE: 'postgres', PROGRESS_DESK_TEST_PG_URL: server.url },
  })
  const status = await new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))))
  stop()
  process.exit(status)
}

main().catch((error) => {
  process.stderr.write(`${error.message}\n${error.stderr ?? ''}`)
  process.exit(1)
})
