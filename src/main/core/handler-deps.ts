// What each domain's handlers are given by the composition root, and the shape they return: the
// handlers for exactly the methods of that domain's slice of the contract.
import type { MethodName } from '../../shared/api/contract'
import type { CoreContext } from './context'
import type { Core } from './core'
import type { Handlers } from './rpc/dispatch'

export interface HandlerDeps {
  ctx: CoreContext
  /** The core itself, for what changes under it (the connection, after a restore). */
  core: Pick<Core, 'database' | 'connection' | 'databasePath' | 'recovery' | 'restore'>
  resourcesDir: string
  /** The newest audit row when the core was made: each person's undo session starts after it. */
  auditIdAtStart: number
}

/** The handlers of one slice of the contract (`typeof lettersContract`, say). */
export type SliceHandlers<Slice> = Pick<Handlers, Extract<keyof Slice, MethodName>>
