// A throwaway PostgreSQL cluster for tests: initdb into a temporary folder, started on a free port
// of 127.0.0.1 with its socket in that folder, stopped and removed afterwards. PostgreSQL refuses
// to run as root, so when this runs as root (CI does) the cluster belongs to the `postgres` user
// and its commands run through `runuser`. Durability is switched off (fsync, synchronous_commit):
// the cluster lives for one test run, and creating a database per test core must be quick.
//
// Used by scripts/test-postgres.cjs; also runnable alone, printing the URL until interrupted:
//   node scripts/postgres-test-server.cjs
const { execFileSync, spawnSync } = require('node:child_process')
const { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } = require('node:fs')
const { createServer } = require('node:net')
const { tmpdir } = require('node:os')
const { join } = require('node:path')

/** Debian's layout first, then whatever `pg_config --bindir` says, then the PATH. */
function findBinDir() {
  const debian = '/usr/lib/postgresql'
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v) && Number(v) >= 15).sort((a, b) => Number(b) - Number(a))
    for (const version of versions) if (existsSync(join(debian, version, 'bin', 'initdb'))) return join(debian, version, 'bin')
  }
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' })
  if (pgConfig.status === 0 && existsSync(join(pgConfig.stdout.trim(), 'initdb'))) return pgConfig.stdout.trim()
  throw new Error('PostgreSQL 15 or later was not found (looked in /usr/lib/postgresql/*/bin and pg_config --bindir). Install it, e.g. apt-get install postgresql.')
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** Runs a PostgreSQL program as the cluster's owner (the `postgres` user when we are root). */
function runAs(asRoot, program, args) {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args]
  return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/**
 * Starts a cluster; resolves to { url (of the `postgres` database), adminUrl, port, dir, stop() }.
 * `stop` is synchronous so that it can also run from an exit handler.
 */
async function startPostgres() {
  const bin = findBinDir()
  const asRoot = process.getuid?.() === 0
  const dir = mkdtempSync(join(tmpdir(), 'progress-desk-pg-'))
  const data = join(dir, 'data')
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    chownSync(dir, uid, gid)
  }
  chmodSync(dir, 0o700)
  let started = false
  const stop = () => {
    if (started) {
      try {
        runAs(asRoot, join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } catch {
        // Already stopped: removing the folder below is all that is left to do.
      }
      started = false
    }
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    runAs(asRoot, join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'])
    const port = await freePort()
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`
    runAs(asRoot, join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start'])
    started = true
    const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`
    return { url: adminUrl, adminUrl, port, dir, stop }
  } catch (error) {
    stop()
    throw error
  }
}

module.exports = { startPostgres }

if (require.main === module) {
  startPostgres().then(
    (server) => {
      process.stdout.write(`${server.url}\n(Ctrl+C stops and removes the cluster)\n`)
      const finish = () => {
        server.stop()
        process.exit(0)
      }
      process.on('SIGINT', finish)
      process.on('SIGTERM', finish)
      setInterval(() => undefined, 1 << 30)
    },
    (error) => {
      process.stderr.write(`${error.message}\n${error.stderr ?? ''}`)
      process.exit(1)
    },
  )
}
