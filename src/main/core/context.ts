// What every service needs: the database, the time (injected so tests and exports are
// repeatable) and who is acting (recorded in the audit log).
import type { Db } from './db/connection'

export interface CoreContext {
  db: Db
  now(): string
  actor: string
}
