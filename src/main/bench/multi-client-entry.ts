// A bench client's program when run from source (the integration test forks this file with
// scripts/ts-hooks.mjs); the built bench forks itself instead (run-bench.ts).
import { runBenchClient } from './multi-client-worker'

runBenchClient()
