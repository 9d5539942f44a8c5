// Every method of the contract, bound by its domain's handlers (each domain folder's handlers.ts
// binds exactly the methods of its slice in src/shared/api).
import { appHandlers } from './app/handlers'
import { backupHandlers } from './backup/handlers'
import { commitmentsHandlers } from './commitments/handlers'
import { cyclesHandlers } from './cycles/handlers'
import type { HandlerDeps } from './handler-deps'
import { historyHandlers } from './history/handlers'
import { lettersHandlers } from './letters/handlers'
import { linksHandlers } from './links/handlers'
import { organisationsHandlers } from './organisations/handlers'
import { peopleHandlers } from './people/handlers'
import { recommendationsHandlers } from './recommendations/handlers'
import type { Handlers } from './rpc/dispatch'
import { searchHandlers } from './search/handlers'
import { suggestionsHandlers } from './suggestions/handlers'
import { summaryHandlers } from './summary/handlers'

export type { HandlerDeps } from './handler-deps'

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...appHandlers(deps),
    ...lettersHandlers(deps),
    ...organisationsHandlers(deps),
    ...recommendationsHandlers(deps),
    ...cyclesHandlers(deps),
    ...linksHandlers(deps),
    ...suggestionsHandlers(deps),
    ...commitmentsHandlers(deps),
    ...searchHandlers(deps),
    ...summaryHandlers(deps),
    ...historyHandlers(deps),
    ...backupHandlers(deps),
    ...peopleHandlers(deps),
  }
}
