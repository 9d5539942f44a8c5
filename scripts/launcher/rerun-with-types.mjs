// For scripts Node runs straight from TypeScript: the project's code uses TypeScript parameter
// properties, which only --experimental-transform-types handles, so a script started without it
// runs itself again with it (same arguments, output shared) and exits with its code.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** Call first thing with `import.meta.url`; returns only inside the run with the flag. */
export function rerunWithTypes(scriptUrl) {
  if (process.execArgv.includes('--experimental-transform-types')) return
  const child = spawnSync(process.execPath, ['--experimental-transform-types', '--no-warnings', fileURLToPath(scriptUrl), ...process.argv.slice(2)], { stdio: 'inherit' })
  process.exit(child.status ?? 1)
}
