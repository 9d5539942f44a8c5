// Scalar idioms the engines spell differently, written as SQLite's repositories always wrote them
// on SQLite (same text, same plans) and as their equivalent on PostgreSQL.
import { sql, type RawBuilder } from 'kysely'
import type { Executor } from '../database'
import { engineOf } from './engine'

type Expression = RawBuilder<unknown>

/** `value`, or `fallback` when it is NULL: SQLite's ifnull, PostgreSQL's coalesce. */
export function ifNull<T>(db: Executor, value: Expression, fallback: Expression): RawBuilder<T> {
  return engineOf(db) === 'postgres' ? sql<T>`coalesce(${value}, ${fallback})` : sql<T>`ifnull(${value}, ${fallback})`
}

/** A condition that always holds (a filter left out): SQLite accepts `1`, PostgreSQL wants a boolean. */
export function alwaysTrue(db: Executor): RawBuilder<unknown> {
  return engineOf(db) === 'postgres' ? sql`TRUE` : sql`1`
}

const PATH_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * The text at a path of keys in a JSON text column (`['senderDomain', 'value']`): SQLite's
 * json_extract(col, '$.a.b'), PostgreSQL's (col::json #>> '{a,b}'). Keys are names, checked, and
 * written into the SQL.
 */
export function jsonTextAt(db: Executor, column: Expression, path: readonly string[]): RawBuilder<string | null> {
  for (const key of path) if (!PATH_KEY.test(key)) throw new Error(`Not a JSON key name: ${key}`)
  return engineOf(db) === 'postgres'
    ? sql<string | null>`(${column}::json #>> ${sql.lit(`{${path.join(',')}}`)})`
    : sql<string | null>`json_extract(${column}, ${sql.lit(`$.${path.join('.')}`)})`
}
