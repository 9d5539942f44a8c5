// Aggregates the engines spell differently. Each helper writes SQLite's text exactly as the
// repositories wrote it before (so SQLite's statements, their cached plans and speed are unchanged)
// and PostgreSQL's equivalent, giving the same value in the same JavaScript type.
import { sql, type RawBuilder } from 'kysely'
import type { Executor } from '../database'
import { engineOf } from './engine'

type Expression = RawBuilder<unknown>

/**
 * A JSON array of the values, as text ('[]' over no rows): SQLite's json_group_array, PostgreSQL's
 * json_agg (NULL over no rows, hence the coalesce). `orderBy`, when given, orders the array.
 */
export function jsonGroupArray(db: Executor, value: Expression, orderBy?: Expression): RawBuilder<string> {
  const ordered = orderBy === undefined ? value : sql`${value} ORDER BY ${orderBy}`
  return engineOf(db) === 'postgres' ? sql<string>`coalesce(json_agg(${ordered})::text, '[]')` : sql<string>`json_group_array(${ordered})`
}

/** The values joined by `separator` (a constant, written into the SQL): group_concat / string_agg. */
export function groupConcat(db: Executor, value: Expression, separator: string): RawBuilder<string> {
  return engineOf(db) === 'postgres' ? sql<string>`string_agg((${value})::text, ${sql.lit(separator)})` : sql<string>`group_concat(${value}, ${sql.lit(separator)})`
}

/**
 * 1 when the condition holds for any row of the group, else 0 (NULL over no rows): SQLite's max()
 * of a comparison, PostgreSQL's bool_or.
 */
export function anyOf(db: Executor, condition: Expression): RawBuilder<number> {
  return engineOf(db) === 'postgres' ? sql<number>`(bool_or(${condition}))::int` : sql<number>`max(${condition})`
}

/** The sum as a floating-point number, 0 over no rows: SQLite's total(), PostgreSQL's sum. */
export function total(db: Executor, value: Expression): RawBuilder<number> {
  return engineOf(db) === 'postgres' ? sql<number>`coalesce(sum(${value}), 0)::float8` : sql<number>`total(${value})`
}
