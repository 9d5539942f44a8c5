// Naming the index a query must use. SQLite's planner sometimes picks a worse index for the
// search's filters (reading letters' full rows instead of a narrow covering index), so those
// queries say `INDEXED BY`; PostgreSQL has no such clause and its planner chooses from statistics.
import { sql, type RawBuilder } from 'kysely'
import type { Executor } from '../database'
import { engineOf } from './engine'

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/

/** `INDEXED BY index` on SQLite (written as is, so the statement's text stays the same); nothing elsewhere. */
export function indexedBy(db: Executor, index: string): RawBuilder<unknown> {
  if (!IDENTIFIER.test(index)) throw new Error(`Not an index name: ${index}`)
  return engineOf(db) === 'postgres' ? sql`` : sql.raw(`INDEXED BY ${index}`)
}
