import { defineConfig } from '@playwright/test'

// The renderer is tested in Debian's Chromium against the real core over the loopback harness
// (tests/harness/start-harness.ts starts one per test on a fresh database). Electron itself cannot
// be downloaded on the build machines; tests/e2e/electron.spec.ts skips there with its reason.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    viewport: { width: 1400, height: 900 },
    locale: 'en-GB',
    trace: 'retain-on-failure',
  },
})
