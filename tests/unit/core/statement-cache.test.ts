import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { withStatementCache } from '../../../src/main/core/db/sqlite/connection'

let sqlite: BetterSqlite3.Database

beforeEach(() => {
  sqlite = new BetterSqlite3(':memory:')
  sqlite.exec('CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3)')
})
afterEach(() => sqlite.close())

describe('the prepared statement cache under Kysely', () => {
  it('prepares a statement once and gives it back for the same SQL', () => {
    const db = withStatementCache(sqlite)
    const first = db.prepare('SELECT n FROM t')
    expect(db.prepare('SELECT n FROM t')).toBe(first)
    expect(db.prepare('SELECT n FROM t WHERE n > ?')).not.toBe(first)
  })

  it('prepares a second copy while the cached one is still being read row by row', () => {
    const db = withStatementCache(sqlite)
    const reading = db.prepare('SELECT n FROM t')
    const rows = reading.iterate([])
    rows.next()
    const meanwhile = db.prepare('SELECT n FROM t')
    expect(meanwhile).not.toBe(reading)
    expect(meanwhile.all([])).toHaveLength(3)
    rows.return?.()
  })

  it('forgets the least recently used statement when full', () => {
    const db = withStatementCache(sqlite, 2)
    const a = db.prepare('SELECT 1')
    const b = db.prepare('SELECT 2')
    expect(db.prepare('SELECT 1')).toBe(a) // now the most recently used
    db.prepare('SELECT 3') // pushes out SELECT 2
    expect(db.prepare('SELECT 1')).toBe(a)
    expect(db.prepare('SELECT 2')).not.toBe(b)
  })

})
