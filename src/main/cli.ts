// Entry point of the progress-desk command (built to out/main/cli.js; see bin/progress-desk.cjs).
import { runCli } from './cli/run-cli'

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
