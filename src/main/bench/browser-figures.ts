// The renderer's figures, from scripts/bench-browser.ts run as a child process: Playwright and
// Chromium stay out of the built bench, which runs without them when they are missing.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Spread } from './measure'
import { runChild } from './measure'

export interface BrowserFigures {
  spreads: Record<'letters_first_rows_ms' | 'view_switch_ms' | 'open_letter_ms' | 'search_typing_ms', Spread>
  largestRpc: { method: string | null; bytes: number | null }
}

/** Null (with the reason logged) when Chromium or the script is missing, or the run fails. */
export async function measureBrowser(databasePath: string, trials: number, log: (message: string) => void): Promise<BrowserFigures | null> {
  const root = join(__dirname, '..', '..')
  const script = join(root, 'scripts', 'bench-browser.ts')
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(chromium) || !existsSync(script)) {
    log(`The renderer is not timed: ${existsSync(chromium) ? `${script} is missing` : `there is no Chromium at ${chromium}`}.`)
    return null
  }
  const run = await runChild(process.execPath, ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', script, '--db', databasePath, '--trials', String(trials)], { cwd: root, stderr: 'inherit' })
  const line = run.stdout.trim().split('\n').at(-1) ?? ''
  if (run.code !== 0 || !line.startsWith('{')) {
    log(`The renderer could not be timed (the browser part exited with code ${run.code}).`)
    return null
  }
  return JSON.parse(line) as BrowserFigures
}
