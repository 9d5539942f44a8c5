// The cycles slice of the contract: cycles, assessments, year on year and the dashboard.
import type { cyclesContract } from '../../../shared/api/cycles'
import type { HandlerDeps, SliceHandlers } from '../handler-deps'
import { setAssessment } from './assessment-service'
import { compareCycles } from './compare-cycles'
import { findCycleByName, listCycles } from './cycle-service'
import { dashboard } from './dashboard'
import { startCycle } from './start-cycle'

export function cyclesHandlers({ ctx }: HandlerDeps): SliceHandlers<typeof cyclesContract> {
  return {
    'cycles.list': () => listCycles(ctx.db),
    'cycles.find': ({ name }) => findCycleByName(ctx.db, name),
    'cycles.create': (input) => startCycle(ctx, input),
    'cycles.compare': (input) => compareCycles(ctx, input),
    'assessments.set': (input) => setAssessment(ctx, input),
    'dashboard.get': ({ cycleId }) => dashboard(ctx, cycleId),
  }
}
