// PostgreSQL's migrations, oldest first, listed statically as SQLite's are (bundles cannot scan a
// folder). PostgreSQL's schema versions count on their own: version 1 here is SQLite's 6.
import type { Kysely } from 'kysely'
import * as initial from './0001-initial'

export interface Migration {
  name: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
  up(db: Kysely<any>): Promise<void>
}

export const MIGRATIONS: readonly Migration[] = [{ name: '0001-initial', up: initial.up }]

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length
