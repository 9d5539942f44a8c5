// Where the bench keeps its databases. By default each is a SQLite file in the bench's folder.
// With `--db postgres://USER@HOST:PORT/DB` each is a fresh database the bench creates on that
// server (progress_desk_bench_<pid>_<name>, made with CREATE DATABASE, so the role needs CREATEDB)
// and drops at the end, so a team's own database is never touched and every import trial starts
// empty, as each SQLite trial starts with a new file. The URL's own database is only connected to.
import { join } from 'node:path'
import { isPostgresUrl } from '../core/create-core'
import { databaseUrl, onServer } from '../core/db/postgres/server-admin'

export interface BenchDatabases {
  engine: 'sqlite' | 'postgres'
  /** A new, empty database for one part of the bench: a file path or a URL. */
  fresh(name: string): Promise<string>
  /** Drops what `fresh` made on the server (files go with the bench's folder). */
  dropAll(): Promise<void>
}

export function benchDatabases(server: string | undefined, workDir: string): BenchDatabases {
  if (server === undefined) return { engine: 'sqlite', fresh: async (name) => join(workDir, `${name}.sqlite`), dropAll: async () => undefined }
  if (!isPostgresUrl(server)) throw new Error(`--db takes a PostgreSQL server's URL (postgres://USER@HOST:PORT/DB), not ${JSON.stringify(server)}.`)
  const made: string[] = []
  const admin = (sql: string) => onServer(server, (client) => client.query(sql))
  return {
    engine: 'postgres',
    async fresh(name) {
      const database = `progress_desk_bench_${process.pid}_${name.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`
      await admin(`DROP DATABASE IF EXISTS ${database}`)
      await admin(`CREATE DATABASE ${database}`)
      made.push(database)
      return databaseUrl(server, database)
    },
    async dropAll() {
      for (const database of made.splice(0)) await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
    },
  }
}
