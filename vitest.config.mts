import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/reliability/**/*.test.ts'],
    // The load test measures responsiveness, so it runs alone (npm test runs it as its own step)
    // rather than beside other test files competing for the same two cores.
    exclude: process.env.PROGRESS_DESK_LOAD_TEST ? [] : ['tests/reliability/load.test.ts', '**/node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
})
