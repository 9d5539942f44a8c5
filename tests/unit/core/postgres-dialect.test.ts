// The dialect helpers write SQLite's text exactly as the repositories wrote it before (so SQLite's
// statements and plans are unchanged) and PostgreSQL's equivalent; and the search's FTS5-style
// match expressions translate to tsquery text. Compiled only: no database is opened.
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import type { Database } from '../../../src/main/core/db/schema'
import { anyOf, groupConcat, jsonGroupArray, total } from '../../../src/main/core/db/dialect/aggregates'
import { descendingNullsLast } from '../../../src/main/core/db/dialect/ordering'
import { alwaysTrue, ifNull, jsonTextAt } from '../../../src/main/core/db/dialect/values'
import { toTsQuery } from '../../../src/main/core/db/postgres/tsquery'
import { parseSearchQuery } from '../../../src/main/core/search/fts-query'

const sqlite = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }) })
const postgres = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ max: 1 }) }) })
afterAll(async () => {
  await sqlite.destroy()
  await postgres.destroy()
})

describe('dialect helpers', () => {
  const both = (make: (db: Kysely<Database>) => ReturnType<typeof sql>) => [make(sqlite).compile(sqlite).sql, make(postgres).compile(postgres).sql]

  it('keeps SQLite\'s text and writes PostgreSQL\'s equivalent', () => {
    expect(both((db) => sql`SELECT ${jsonGroupArray(db, sql`number`, sql`position`)}`)).toEqual(['SELECT json_group_array(number ORDER BY position)', "SELECT coalesce(json_agg(number ORDER BY position)::text, '[]')"])
    expect(both((db) => sql`SELECT ${groupConcat(db, sql`r.number`, ', ')}`)).toEqual(["SELECT group_concat(r.number, ', ')", "SELECT string_agg((r.number)::text, ', ')"])
    expect(both((db) => sql`SELECT ${anyOf(db, sql`a = 1`)}`)).toEqual(['SELECT max(a = 1)', 'SELECT (bool_or(a = 1))::int'])
    expect(both((db) => sql`SELECT ${total(db, sql`length(name)`)}`)).toEqual(['SELECT total(length(name))', 'SELECT coalesce(sum(length(name)), 0)::float8'])
    expect(both((db) => sql`SELECT ${ifNull(db, sql`max(id)`, sql`0`)}`)).toEqual(['SELECT ifnull(max(id), 0)', 'SELECT coalesce(max(id), 0)'])
    expect(both((db) => sql`WHERE ${alwaysTrue(db)}`)).toEqual(['WHERE 1', 'WHERE TRUE'])
    expect(both((db) => sql`ORDER BY d ${descendingNullsLast(db)}`)).toEqual(['ORDER BY d DESC', 'ORDER BY d DESC NULLS LAST'])
    expect(both((db) => sql`SELECT ${jsonTextAt(db, sql`inference_json`, ['senderDomain', 'value'])}`)).toEqual([
      "SELECT json_extract(inference_json, '$.senderDomain.value')",
      "SELECT (inference_json::json #>> '{senderDomain,value}')",
    ])
  })

  it('refuses a JSON path key that is not a plain name', () => {
    expect(() => jsonTextAt(sqlite, sql`x`, ["a') OR 1=1 --"])).toThrow(/Not a JSON key name/)
  })
})

describe('match expressions as tsquery', () => {
  const translated = (input: string) => toTsQuery(parseSearchQuery(input).match!)

  it('writes words, phrases, prefixes, OR and NOT', () => {
    expect(translated('code conduct')).toBe("'code' & 'conduct'")
    expect(translated('"code of conduct"')).toBe("('code' <-> 'of' <-> 'conduct')")
    expect(translated('intimidat*')).toBe("'intimidat':*")
    expect(translated('Twitter OR X press')).toBe("('Twitter' | 'X') & 'press'")
    expect(translated('code -press')).toBe("('code') & !'press'")
  })

  it('splits a term into words as the documents are split, and quotes what tsquery would read', () => {
    expect(translated('e-mail')).toBe("('e' <-> 'mail')")
    expect(translated("O'Brien")).toBe("('O' <-> 'Brien')")
    expect(translated('"a \\ b"')).toBe("('a' <-> 'b')")
    expect(toTsQuery('"it\'s"')).toBe("('it' <-> 's')")
  })
})
