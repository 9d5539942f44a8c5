#!/usr/bin/env node
// Runs one Node program beside a throwaway PostgreSQL cluster (postgres-test-server.cjs): the
// cluster's `postgres` database is handed over in PROGRESS_DESK_TEST_PG_URL, and the cluster is
// stopped and removed afterwards whatever happened (the program failing, crashing, Ctrl+C). The program runs in the project's folder.
// Exits with the program's status.
//   node scripts/with-postgres.cjs node_modules/@playwright/test/cli.js test
const { spawn } = require('node:child_process')
const { join } = require('node:path')
const { startPostgres } = require('./postgres-test-server.cjs')

/** Starts the cluster, runs `node args…` with `env` added, stops the cluster and exits with the program's status. */
async function runWithPostgres(args, env = {}) {
  const server = await startPostgres()
  let stopped = false
  const stop = () => {
    if (!stopped) server.stop()
    stopped = true
  }
  process.on('exit', stop)
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130))
  process.stdout.write(`PostgreSQL test server: ${server.url}\n`)
  const child = spawn(process.execPath, args, {
    cwd: join(__dirname, '..'),
    stdio: 'inherit',
    env: { ...process.env, ...env, PROGRESS_DESK_TEST_PG_URL: server.url },
  })
  const status = await new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))))
  stop()
  process.exit(status)
}

function failed(error) {
  process.stderr.write(`${error.message}\n${error.stderr ?? ''}`)
  process.exit(1)
}

module.exports = { runWithPostgres, failed }

if (require.main === module) runWithPostgres(process.argv.slice(2)).catch(failed)
