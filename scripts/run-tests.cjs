#!/usr/bin/env node
// `npm test`: build, lint, type-check, then Vitest and Playwright, and one closing line that CI
// reads: "N passed, N failed, N skipped" (tests of both runners, plus the lint and type checks).
const { spawnSync } = require('node:child_process')
const { mkdirSync, readFileSync, rmSync } = require('node:fs')
const { join } = require('node:path')

const root = join(__dirname, '..')
const results = join(root, 'test-results')
const bin = (pkg, file) => join(root, 'node_modules', pkg, file)
rmSync(results, { recursive: true, force: true })
mkdirSync(results, { recursive: true })

const totals = { passed: 0, failed: 0, skipped: 0 }
const problems = []

function step(name, args, { counts } = {}) {
  process.stdout.write(`\n── ${name} ──\n`)
  const run = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } })
  if (!counts) {
    if (run.status === 0) totals.passed++
    else {
      totals.failed++
      problems.push(name)
    }
    return run.status === 0
  }
  const found = counts()
  if (!found) {
    totals.failed++
    problems.push(`${name} (no report: exit ${run.status})`)
    return false
  }
  totals.passed += found.passed
  totals.failed += found.failed
  totals.skipped += found.skipped
  if (found.failed > 0 || run.status !== 0) problems.push(name)
  return run.status === 0
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

/** A Vitest run and its counts; `command` is Vitest's own `run` unless a wrapper starts it. */
function vitest(name, reportName, extraArgs, command = [bin('vitest', 'vitest.mjs'), 'run']) {
  const reportFile = join(results, reportName)
  step(name, [...command, ...extraArgs, '--reporter=default', '--reporter=json', `--outputFile=${reportFile}`], {
    counts: () => {
      const report = readJson(reportFile)
      return report && { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests }
    },
  })
}

const built = step('build', [bin('electron-vite', 'bin/electron-vite.js'), 'build'])
step('lint', [bin('eslint', 'bin/eslint.js'), '.'])
step('typecheck (main, preload, shared, tests)', [bin('typescript', 'bin/tsc'), '--noEmit', '-p', 'tsconfig.node.json'])
step('typecheck (browser tests)', [bin('typescript', 'bin/tsc'), '--noEmit', '-p', 'tsconfig.e2e.json'])
step('typecheck (renderer)', [bin('vue-tsc', 'bin/vue-tsc.js'), '--noEmit', '-p', 'tsconfig.web.json'])

vitest('vitest', 'vitest.json', [])

// The whole integration suite again on the team engine: scripts/test-postgres.cjs starts a
// throwaway PostgreSQL cluster, runs Vitest against it and removes the cluster. Tests read rows
// through tests/support/raw-sql.ts, which works on either engine; a check that only means
// something on one engine skips itself on the other.
vitest('vitest on PostgreSQL (integration suite)', 'vitest-postgres.json', ['tests/integration'], [join(root, 'scripts', 'test-postgres.cjs')])
if (built) {
  process.env.PROGRESS_DESK_LOAD_TEST = '1'
  vitest('vitest (load test, alone)', 'vitest-load.json', ['tests/reliability/load.test.ts'])
  delete process.env.PROGRESS_DESK_LOAD_TEST
  // Beside a throwaway PostgreSQL cluster (with-postgres.cjs stops it whatever happens): the
  // team spec (tests/e2e/team-two-desktops.spec.ts) runs two harnesses on one database there.
  step('playwright', [join(root, 'scripts', 'with-postgres.cjs'), bin('@playwright/test', 'cli.js'), 'test'], {
    counts: () => {
      const report = readJson(join(results, 'e2e.json'))
      return report && { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected, skipped: report.stats.skipped }
    },
  })
} else {
  totals.failed++
  problems.push('playwright (not run: the build failed)')
}

process.stdout.write(`\n${problems.length ? `Failed: ${problems.join('; ')}\n` : ''}`)
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`)
process.exitCode = totals.failed > 0 || problems.length > 0 ? 1 : 0
