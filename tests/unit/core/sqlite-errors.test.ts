// SQLite's failures a person can act on become one sentence, extended result codes included
// (better-sqlite3 reports e.g. SQLITE_BUSY_SNAPSHOT, which a second process's commit causes).
import { describe, expect, it } from 'vitest'
import { explainSqliteError } from '../../../src/main/core/db/sqlite/sqlite-errors'

const failure = (code: string) => Object.assign(new Error('sqlite said no'), { code })

describe('explaining SQLite failures', () => {
  it.each(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY', 'SQLITE_BUSY_TIMEOUT', 'SQLITE_LOCKED', 'SQLITE_LOCKED_SHAREDCACHE'])(
    'says another program is busy with the database for %s',
    (code) => {
      const explained = explainSqliteError(failure(code))
      expect(explained?.code).toBe('conflict')
      expect(explained?.message).toContain('busy with another program')
    },
  )

  it('says the disk is full for SQLITE_FULL and for an I/O error', () => {
    expect(explainSqliteError(failure('SQLITE_FULL'))?.message).toContain('disk is full')
    expect(explainSqliteError(failure('SQLITE_IOERR_WRITE'))?.message).toContain('disk is full')
  })

  it('leaves a failure it cannot explain to the internal error', () => {
    expect(explainSqliteError(failure('SQLITE_CONSTRAINT_UNIQUE'))).toBeNull()
    expect(explainSqliteError(new Error('no code'))).toBeNull()
  })
})
