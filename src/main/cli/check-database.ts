// `progress-desk check`: is the database sound, and is every stored original what it claims to be?
import { createHash } from 'node:crypto'
import type { Connection } from '../core/db/connection'

export function checkDatabase(connection: Connection): string[] {
  const problems: string[] = []
  const { sqlite } = connection
  const integrity = sqlite.pragma('integrity_check') as { integrity_check: string }[]
  if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') problems.push(`SQLite integrity check: ${integrity.map((r) => r.integrity_check).join('; ')}`)
  const foreignKeys = sqlite.pragma('foreign_key_check') as unknown[]
  if (foreignKeys.length > 0) problems.push(`${foreignKeys.length} rows point at rows that do not exist (foreign key check)`)
  for (const table of ['letters_fts', 'recommendations_fts']) {
    try {
      sqlite.prepare(`INSERT INTO ${table}(${table}, rank) VALUES ('integrity-check', 1)`).run()
    } catch (error) {
      problems.push(`The search index ${table} does not match its table: ${(error as Error).message}`)
    }
  }
  for (const row of sqlite.prepare('SELECT sha256, size, bytes FROM originals').iterate() as Iterable<{ sha256: string; size: number; bytes: Buffer }>) {
    const actual = createHash('sha256').update(row.bytes).digest('hex')
    if (actual !== row.sha256 || row.bytes.length !== row.size) problems.push(`The stored original ${row.sha256.slice(0, 12)}… has changed since it was imported`)
  }
  const orphans = sqlite.prepare('SELECT count(*) AS n FROM originals WHERE sha256 NOT IN (SELECT original_sha256 FROM letters)').get() as { n: number }
  if (orphans.n > 0) problems.push(`${orphans.n} stored originals belong to no letter`)
  return problems
}
