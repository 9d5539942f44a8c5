// Entry point of the progress-desk command (built to out/main/cli.js; see bin/progress-desk.cjs).
import { runCli } from './cli/run-cli'

// `progress-desk letters list --json | head`: once the reader has gone there is no one to tell,
// so the command ends quietly, as command-line tools do, rather than with a broken pipe's stack
// trace. What was committed stays committed; a group being stored is rolled back whole.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
  process.exit(0)
})

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
