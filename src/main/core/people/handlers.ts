// The people slice of the contract: who reads and who edits.
import type { peopleContract } from '../../../shared/api/people'
import type { HandlerDeps, SliceHandlers } from '../handler-deps'
import { listPeople, setRole } from './people-service'

export function peopleHandlers({ ctx }: HandlerDeps): SliceHandlers<typeof peopleContract> {
  return {
    'people.list': () => listPeople(ctx),
    'people.setRole': (input) => setRole(ctx, input),
  }
}
