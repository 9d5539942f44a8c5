// Where NULL sorts. SQLite puts NULL below every value: first going up, last going down.
// PostgreSQL puts it above every value, so the same ORDER BY would list undated letters first
// when newest-first. These helpers say SQLite's order on PostgreSQL and leave SQLite's text as
// the repositories wrote it: `orderBy(col)` and `orderBy(col, 'desc')`, or DESC in raw SQL.
import { sql, type OrderByModifiers, type RawBuilder } from 'kysely'
import type { Executor } from '../database'
import { engineOf } from './engine'

/** For Kysely's orderBy: descending, NULL last (as SQLite's plain `desc`). */
export function descNullsLast(db: Executor): OrderByModifiers {
  return engineOf(db) === 'postgres' ? (order) => order.desc().nullsLast() : 'desc'
}

/** For Kysely's orderBy: ascending, NULL first (SQLite's default); undefined on SQLite, which says nothing. */
export function ascNullsFirst(db: Executor): OrderByModifiers | undefined {
  return engineOf(db) === 'postgres' ? (order) => order.asc().nullsFirst() : undefined
}

/** In raw SQL after a column: `DESC` on SQLite, `DESC NULLS LAST` on PostgreSQL. */
export function descendingNullsLast(db: Executor): RawBuilder<unknown> {
  return engineOf(db) === 'postgres' ? sql`DESC NULLS LAST` : sql`DESC`
}
