import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openConnection } from '../../../src/main/core/db/sqlite/connection'
import { migrateToLatest, schemaVersion } from '../../../src/main/core/db/sqlite/migrate'
import { LATEST_SCHEMA_VERSION } from '../../../src/main/core/db/sqlite/migrations'
import { createTestCore, type TestCore } from '../../support/test-core'

let core: TestCore | null = null
afterEach(async () => {
  await core?.dispose()
  core = null
})

describe('database', () => {
  it('opens with WAL, synchronous=FULL, foreign keys and a busy timeout', async () => {
    core = await createTestCore()
    const { sqlite } = core.connection
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2)
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
  })

  it('migrates a new file to the latest schema, with strict tables, FTS5 and default groups', async () => {
    core = await createTestCore()
    const { sqlite } = core.connection
    expect(schemaVersion(core.connection)).toBe(LATEST_SCHEMA_VERSION)
    const tables = sqlite.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name IN ('letters', 'recommendations', 'assessments')").all() as { name: string; sql: string }[]
    expect(tables).toHaveLength(3)
    for (const table of tables) expect(table.sql).toMatch(/STRICT$/)
    expect(sqlite.prepare("SELECT sql FROM sqlite_schema WHERE name = 'letters_fts'").get()).toMatchObject({ sql: expect.stringContaining('fts5') })
    const groups = sqlite.prepare('SELECT name FROM stakeholder_groups ORDER BY position').pluck().all()
    expect(groups.slice(0, 3)).toEqual(['Government', 'Parliament', 'Political parties'])
  })

  it('refuses a database written by a newer version and leaves it untouched', async () => {
    core = await createTestCore()
    const path = join(core.dir, 'newer.sqlite')
    const writer = openConnection(path)
    writer.sqlite.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    writer.sqlite.exec('CREATE TABLE marker (x INTEGER) STRICT')
    await writer.db.destroy()

    const reader = openConnection(path)
    await expect(migrateToLatest(reader)).rejects.toThrow(/newer version of Progress Desk/)
    expect(schemaVersion(reader)).toBe(LATEST_SCHEMA_VERSION + 1)
    expect(reader.sqlite.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'letters'").pluck().get()).toBe(0)
    await reader.db.destroy()
    rmSync(path, { force: true })
  })

  it('rolls the whole migration back when a step fails', async () => {
    core = await createTestCore()
    const path = join(core.dir, 'half.sqlite')
    const connection = openConnection(path)
    // A table the migration will try to create makes it fail half-way.
    connection.sqlite.exec('CREATE TABLE audit_log (x INTEGER)')
    await expect(migrateToLatest(connection)).rejects.toThrow()
    expect(schemaVersion(connection)).toBe(0)
    expect(connection.sqlite.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'letters'").pluck().get()).toBe(0)
    await connection.db.destroy()
  })

  it('rejects a file that is not a database with a clear error', async () => {
    core = await createTestCore()
    const path = join(core.dir, 'not-a-db.sqlite')
    const { writeFileSync } = await import('node:fs')
    writeFileSync(path, 'this is a letter, not a database'.repeat(200))
    expect(() => openConnection(path)).toThrow(/not a database/)
  })
})
