// The house plan, checked: the contract is assembled from domain slices that each domain's
// handlers bind exactly; the preload's list of names is the contract's; SQL only in repositories
// (and the database engine's folder); no import cycles.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appContract } from '../../../src/shared/api/app'
import { backupContract } from '../../../src/shared/api/backup'
import { commitmentsContract } from '../../../src/shared/api/commitments'
import { contract } from '../../../src/shared/api/contract'
import { cyclesContract } from '../../../src/shared/api/cycles'
import { historyContract } from '../../../src/shared/api/history'
import { lettersContract } from '../../../src/shared/api/letters'
import { linksContract } from '../../../src/shared/api/links'
import { METHOD_NAMES } from '../../../src/shared/api/method-names'
import { organisationsContract } from '../../../src/shared/api/organisations'
import { peopleContract } from '../../../src/shared/api/people'
import { recommendationsContract } from '../../../src/shared/api/recommendations'
import { searchContract } from '../../../src/shared/api/search'
import { suggestionsContract } from '../../../src/shared/api/suggestions'
import { summaryContract } from '../../../src/shared/api/summary'
import { appHandlers } from '../../../src/main/core/app/handlers'
import { backupHandlers } from '../../../src/main/core/backup/handlers'
import { commitmentsHandlers } from '../../../src/main/core/commitments/handlers'
import { cyclesHandlers } from '../../../src/main/core/cycles/handlers'
import type { HandlerDeps } from '../../../src/main/core/handler-deps'
import { historyHandlers } from '../../../src/main/core/history/handlers'
import { lettersHandlers } from '../../../src/main/core/letters/handlers'
import { linksHandlers } from '../../../src/main/core/links/handlers'
import { organisationsHandlers } from '../../../src/main/core/organisations/handlers'
import { peopleHandlers } from '../../../src/main/core/people/handlers'
import { recommendationsHandlers } from '../../../src/main/core/recommendations/handlers'
import { searchHandlers } from '../../../src/main/core/search/handlers'
import { suggestionsHandlers } from '../../../src/main/core/suggestions/handlers'
import { summaryHandlers } from '../../../src/main/core/summary/handlers'
import { findCycles, importGraph } from '../../support/import-graph'
import { sqlOutsideRepositories } from '../../support/sql-sites'
import { createTestCore, REPO_ROOT } from '../../support/test-core'

const SLICES: [string, object, (deps: HandlerDeps) => object][] = [
  ['app', appContract, appHandlers],
  ['letters', lettersContract, lettersHandlers],
  ['organisations', organisationsContract, organisationsHandlers],
  ['recommendations', recommendationsContract, recommendationsHandlers],
  ['cycles', cyclesContract, cyclesHandlers],
  ['links', linksContract, linksHandlers],
  ['suggestions', suggestionsContract, suggestionsHandlers],
  ['commitments', commitmentsContract, commitmentsHandlers],
  ['search', searchContract, searchHandlers],
  ['summary', summaryContract, summaryHandlers],
  ['history', historyContract, historyHandlers],
  ['backup', backupContract, backupHandlers],
  ['people', peopleContract, peopleHandlers],
]

describe('the house plan', () => {
  it('assembles the contract from the slices, each method in exactly one slice', () => {
    const fromSlices = SLICES.flatMap(([, slice]) => Object.keys(slice))
    expect(new Set(fromSlices).size).toBe(fromSlices.length)
    expect([...fromSlices].sort()).toEqual(Object.keys(contract).sort())
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(contract).sort())
  })

  it('has each domain bind exactly the methods of its own slice', async () => {
    const core = await createTestCore()
    try {
      const deps: HandlerDeps = { ctx: core.ctx, core, resourcesDir: join(REPO_ROOT, 'resources'), auditIdAtStart: 0 }
      for (const [name, slice, bind] of SLICES) {
        expect(Object.keys(bind(deps)).sort(), name).toEqual(Object.keys(slice).sort())
      }
    } finally {
      await core.dispose()
    }
  })

  it("no core file outside repositories and the database engine's folder builds SQL", () => {
    // As [file, count] pairs, so that a failure names the files and how many places in each.
    expect([...sqlOutsideRepositories(REPO_ROOT)]).toEqual([])
  })

  it('no import cycles among src files, type-only imports included', () => {
    const cycles = findCycles(importGraph(REPO_ROOT, 'src'))
    expect(cycles).toEqual([])
  })
})
