// SQLite's own consistency checks: pages and indexes, foreign keys, and the full-text indexes
// against their tables. (Whether stored originals still match their hashes is the core's check,
// in backup/check-archive.ts, and the same on every engine.)
import type BetterSqlite3 from 'better-sqlite3'

export function integrityProblems(sqlite: BetterSqlite3.Database): string[] {
  const problems: string[] = []
  const integrity = sqlite.pragma('integrity_check') as { integrity_check: string }[]
  if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') problems.push(`SQLite integrity check: ${integrity.map((r) => r.integrity_check).join('; ')}`)
  const foreignKeys = sqlite.pragma('foreign_key_check') as unknown[]
  if (foreignKeys.length > 0) problems.push(`${foreignKeys.length} rows point at rows that do not exist (foreign key check)`)
  // Every full-text index, as PostgreSQL's check covers every search table (postgres/integrity.ts).
  for (const table of ['letters_fts', 'passages_fts', 'recommendations_fts', 'assessments_fts']) {
    try {
      sqlite.prepare(`INSERT INTO ${table}(${table}, rank) VALUES ('integrity-check', 1)`).run()
    } catch (error) {
      problems.push(`The search index ${table} does not match its table: ${(error as Error).message}`)
    }
  }
  return problems
}
