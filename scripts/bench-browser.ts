// The renderer's part of `npm run bench` (not a test: figures only, nothing asserted):
// `node scripts/bench-browser.ts --db FILE [--trials N]` serves the built app over the loopback
// harness on an existing database (the bench's archive), drives Debian's Chromium (CHROMIUM_PATH,
// else /usr/bin/chromium) with Playwright's library API and prints one JSON line:
//   - letters_first_rows_ms: loading the app at the Letters view until its first row shows;
//   - view_switch_ms: a click in the main navigation until the new view's content shows
//     (Recommendations, Organisations, Letters in turn);
//   - open_letter_ms: a click on a letter in the list until its text shows in the reading pane;
//   - search_typing_ms: typing a query into the search box until its results show (the view's
//     wait for the typing to pause included, as a person feels it);
//   - the bytes of every RPC answer, the largest of each method and the largest of all.
// Each timed step is repeated `trials` times after one untimed warm-up; the JSON gives the
// median, lowest and highest of each. Times are taken here, around Playwright's actions, so they
// include a few milliseconds of Playwright's own messaging.
// Node 24 runs this file directly; it restarts itself with --experimental-transform-types and
// loads the project's TypeScript through scripts/ts-hooks.mjs, as scripts/screenshots.ts does.
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type { Locator, Page } from '@playwright/test'

const { rerunWithTypes } = (await import(new URL('./launcher/rerun-with-types.mjs', import.meta.url).href)) as { rerunWithTypes: (scriptUrl: string) => void }
rerunWithTypes(import.meta.url)

const root = join(import.meta.dirname, '..')
await import(pathToFileURL(join(root, 'scripts', 'ts-hooks.mjs')).href)
const { chromium } = await import('@playwright/test')
const { startHarness } = (await import(pathToFileURL(join(root, 'tests/harness/start-harness.ts')).href)) as typeof import('../tests/harness/start-harness')
const { mainNav } = (await import(pathToFileURL(join(root, 'tests/e2e/review-helpers.ts')).href)) as typeof import('../tests/e2e/review-helpers')
const { default: playwrightConfig } = (await import(pathToFileURL(join(root, 'playwright.config.ts')).href)) as typeof import('../playwright.config')

const { values } = parseArgs({ options: { db: { type: 'string' }, trials: { type: 'string' } } })
if (!values.db) {
  process.stderr.write('Name the database to open with --db FILE.\n')
  process.exit(2)
}
const TRIALS = Math.max(1, Number(values.trials ?? 3))
const QUERIES = ['"parliamentary time"', 'intimidation', 'guidance training', 'poli*', '"code of conduct"', 'sanctions', 'framework regulator', '"duty of care"']
const WAIT = { timeout: 120_000 }

const now = () => performance.now()
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
const spread = (values: number[]) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) })

/** Runs `step` once untimed, then `trials` times, each returning its own time in ms. */
async function timed(step: (trial: number) => Promise<number>): Promise<number[]> {
  await step(-1)
  const times: number[] = []
  for (let trial = 0; trial < TRIALS; trial++) times.push(await step(trial))
  return times
}

const harness = await startHarness({ databasePath: resolve(values.db) })
const launch = playwrightConfig.use?.launchOptions ?? {}
const browser = await chromium.launch({ ...launch, headless: true })
try {
  const page = await browser.newPage({ viewport: playwrightConfig.use?.viewport ?? { width: 1400, height: 900 }, locale: 'en-GB' })
  const largest = new Map<string, number>()
  page.on('response', (response) => {
    if (!response.url().endsWith('/rpc')) return
    const method = (JSON.parse(response.request().postData() ?? '{}') as { method?: string }).method ?? '?'
    response
      .body()
      .then((body) => largest.set(method, Math.max(largest.get(method) ?? 0, body.byteLength)))
      .catch(() => undefined)
  })
  const letters = page.getByRole('listbox', { name: 'Letters' })
  const firstRow = letters.getByRole('option').first()

  const firstRows = await timed(async () => {
    const start = now()
    await page.goto(`${harness.url}#/letters`)
    await firstRow.waitFor(WAIT)
    return now() - start
  })

  // Click a main-navigation link and wait for its content: the heading (the bench's archive has no
  // recommendations, so that view shows only its heading and empty state), and the Letters rows.
  const views: [string, Locator][] = [
    ['Recommendations', page.getByRole('heading', { level: 1, name: 'Recommendations' })],
    ['Organisations', page.getByRole('heading', { level: 1, name: 'Organisations' })],
    ['Letters', firstRow],
  ]
  // One trial is the median of the three switches.
  const switches = await timed(async () => {
    const each: number[] = []
    for (const [link, content] of views) {
      const start = now()
      await mainNav(page).getByRole('link', { name: link, exact: true }).click()
      await content.waitFor(WAIT)
      each.push(now() - start)
    }
    return median(each)
  })

  const opens = await timed(async (trial) => {
    const row = letters.getByRole('option').nth(trial + 2)
    const subject = (await row.locator('.subject').textContent())?.trim() ?? ''
    const start = now()
    await row.click()
    await page.locator('#letter-title', { hasText: subject }).waitFor(WAIT)
    await page.locator('[data-letter-text]').first().waitFor(WAIT)
    return now() - start
  })

  const searches = await timed(async (trial) => {
    const query = QUERIES[(trial + 1) % QUERIES.length]!
    await mainNav(page).getByRole('link', { name: 'Search', exact: true }).click()
    const box = page.getByRole('searchbox', { name: /Search letters, passages/ })
    await box.waitFor(WAIT)
    await box.fill('')
    const answered = page.waitForResponse((response) => response.url().endsWith('/rpc') && (response.request().postData() ?? '').includes(JSON.stringify(query).slice(1, -1)), WAIT)
    const start = now()
    await box.fill(query)
    await answered
    // The answer is shown once the results stop being busy (a very common phrase shows a notice
    // rather than the list, so the list itself is not waited for).
    await page.locator('section.results[aria-busy="false"]').waitFor(WAIT)
    await nextFrame(page)
    return now() - start
  })

  const [method, bytes] = [...largest.entries()].sort((a, b) => b[1] - a[1])[0] ?? [null, null]
  process.stderr.write(`RPC answers, largest of each method (bytes): ${JSON.stringify(Object.fromEntries([...largest.entries()].sort((a, b) => b[1] - a[1])))}\n`)
  const figures = {
    spreads: {
      letters_first_rows_ms: spread(firstRows),
      view_switch_ms: spread(switches),
      open_letter_ms: spread(opens),
      search_typing_ms: spread(searches),
    },
    largestRpc: { method, bytes },
  }
  process.stdout.write(`${JSON.stringify(figures)}\n`)
} finally {
  await browser.close()
  await harness.stop()
}

function nextFrame(page: Page) {
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))))
}
