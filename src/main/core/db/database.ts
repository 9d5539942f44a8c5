// The engine-neutral handle every repository takes: Kysely over the schema, or a transaction of it.
// Which engine is underneath (SQLite today) is the DatabasePort's business (port.ts).
import type { Kysely, Transaction } from 'kysely'
import type { Database } from './schema'

export type Db = Kysely<Database>
export type Trx = Transaction<Database>
/** Either: a repository function runs the same inside or outside a transaction. */
export type Executor = Db | Trx
