// Which engine a Kysely handle runs on, read from its adapter, so that the small dialect helpers
// in this folder can write the idiom each engine understands (SQLite's json_group_array or
// PostgreSQL's json_agg, say) while repositories stay the same for both.
import { PostgresAdapter, type Kysely, type Transaction } from 'kysely'

export type Engine = 'sqlite' | 'postgres'

export function engineOf(db: Kysely<never> | Transaction<never> | { getExecutor(): { adapter: unknown } }): Engine {
  return (db as { getExecutor(): { adapter: unknown } }).getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}
