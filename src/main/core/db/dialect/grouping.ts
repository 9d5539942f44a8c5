// GROUP BY with columns that depend on the key. SQLite lets a grouped query select a column that
// is the same on every row of the group (a letter's fingerprint, grouped by the letter) without
// naming it; PostgreSQL refuses unless the column is grouped too (or the key is its table's
// primary key). Grouping by it as well changes nothing there, and SQLite keeps its statement.
import type { Executor } from '../database'
import { engineOf } from './engine'

/** The GROUP BY columns: `keys` on SQLite, `keys` and then `dependents` on PostgreSQL. */
export function groupKeys<const C extends string>(db: Executor, keys: readonly C[], dependents: readonly C[]): C[] {
  return engineOf(db) === 'postgres' ? [...keys, ...dependents] : [...keys]
}
