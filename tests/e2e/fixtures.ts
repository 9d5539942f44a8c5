// Every e2e test gets its own harness and database: `harness` (URL, paths) and `app` (a page
// already open at the harness). Import { test, expect } from here instead of @playwright/test.
import { test as base, expect } from '@playwright/test'
import { startHarness, type Harness } from '../harness/start-harness'

export const test = base.extend<{ harness: Harness }>({
  harness: async ({}, use) => {
    const harness = await startHarness()
    await use(harness)
    await harness.stop()
  },
})

export { expect }
