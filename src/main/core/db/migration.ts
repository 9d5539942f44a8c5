// One step of a database's schema, for either engine's list of migrations (sqlite/migrations,
// postgres/migrations): its name and the change it makes, run in the migration's transaction.
import type { Kysely } from 'kysely'

export interface Migration {
  name: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
  up(db: Kysely<any>): Promise<void>
}
