// A backup of a PostgreSQL database is pg_dump's: a consistent snapshot (one transaction) even
// while others write, in its custom format (restored with pg_restore). pg_dump must be on the
// PATH or in Debian's /usr/lib/postgresql/N/bin; without it the person is told how to get one.
import { execFile } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../../../shared/api/errors'

function pgDumpProgram(): string {
  const debian = '/usr/lib/postgresql'
  if (existsSync(debian)) {
    const newest = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a))
    for (const version of newest) if (existsSync(join(debian, version, 'bin', 'pg_dump'))) return join(debian, version, 'bin', 'pg_dump')
  }
  return 'pg_dump'
}

export function dumpDatabase(url: string, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(pgDumpProgram(), ['--format=custom', '--no-owner', `--file=${path}`, `--dbname=${url}`], { maxBuffer: 1 << 20 }, (error, _stdout, stderr) => {
      if (!error) return resolve()
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return reject(new AppError('file_error', 'No backup was made: pg_dump was not found. Install the PostgreSQL client tools (version 15 or later) on this computer, or ask the database administrator to back the team database up with pg_dump.'))
      }
      reject(new AppError('file_error', `No backup was made: pg_dump failed (${String(stderr).trim().split('\n')[0] || error.message}).`))
    })
  })
}
