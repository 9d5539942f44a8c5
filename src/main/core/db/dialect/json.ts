// JSON aggregation in a select (a letter with the array of its links, say): Kysely's own helpers,
// from the engine's module. Repositories import these instead of kysely/helpers/sqlite directly.
import { jsonArrayFrom as pgArray, jsonObjectFrom as pgObject } from 'kysely/helpers/postgres'
import { jsonArrayFrom as sqliteArray, jsonObjectFrom as sqliteObject } from 'kysely/helpers/sqlite'
import type { Executor } from '../database'
import { engineOf } from './engine'

/** A subquery, as Kysely's helpers take it (the type is not exported from kysely's entry). */
type SelectQueryBuilderExpression<O> = Parameters<typeof sqliteArray<O>>[0]

export function jsonArrayFrom<O>(db: Executor, expression: SelectQueryBuilderExpression<O>) {
  return engineOf(db) === 'postgres' ? pgArray(expression) : sqliteArray(expression)
}

export function jsonObjectFrom<O>(db: Executor, expression: SelectQueryBuilderExpression<O>) {
  return engineOf(db) === 'postgres' ? pgObject(expression) : sqliteObject(expression)
}
