// The renderer's part of `npm run bench` (not a test: figures only, nothing asserted):
// `node scripts/bench-browser.ts --db FILE [--trials N]` serves the built app over the loopback
// harness on an existing database (the bench's archive), drives Debian's Chromium (CHROMIUM_PATH,
// else /usr/bin/chromium) with Playwright's library API and prints one JSON line:
//   - letters_first_rows_ms: loading the app afresh at the Letters view, from the navigation's
//     start (the document's time origin) until its first letter row is painted;
//   - view_switch_ms: a click in the main navigation until the new view's content is painted
//     (Recommendations, Organisations, Letters in turn; one trial is the median of the three);
//   - open_letter_ms: a click on a letter in the list until its title and text are painted in
//     the reading pane;
//   - search_typing_ms: typing a query into the search box until its results show (the view's
//     wait for the typing to pause included, as a person feels it; timed around Playwright's
//     actions, so a few milliseconds of its messaging are included);
//   - the bytes of every RPC answer, the largest of each method and the largest of all.
// The first three are timed in the page, not around Playwright's actions: Playwright's click()
// first waits for the element to be visible, stable across animation frames and hit by the
// pointer (30-90 ms on the bench machine, none of it the app's), and its messaging adds more.
// A click is timed from the click event's own time stamp (the real mouse click Playwright sends)
// until a MutationObserver sees the content in the document (elements rendered after the click,
// not those already there), then one animation frame and a task later, when that frame has been
// painted. Each timed step is repeated `trials` times after one untimed warm-up; the JSON gives
// the median, lowest and highest of each.
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
/** A letter row of the Letters view (not a placeholder for a page still loading). */
const FIRST_ROW = '[role="listbox"][aria-label="Letters"] [role="option"]:not([aria-busy="true"])'

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
  await page.addInitScript(installPageTimers, FIRST_ROW)
  const letters = page.getByRole('listbox', { name: 'Letters' })

  // A fresh load each time (a second goto to the same address would only move to its fragment).
  const firstRows = await timed(async () => {
    await page.goto('about:blank')
    await page.goto(`${harness.url}#/letters`)
    return page.evaluate(() => (window as unknown as { benchTimers: PageTimers }).benchTimers.firstRows)
  })

  // Click a main-navigation link until its content is painted: the heading (the bench's archive has
  // no recommendations, so that view shows only its heading and empty state), and the Letters rows.
  const views: [string, Shown][] = [
    ['Recommendations', { selectors: ['h1'], text: 'Recommendations' }],
    ['Organisations', { selectors: ['h1'], text: 'Organisations' }],
    ['Letters', { selectors: [FIRST_ROW] }],
  ]
  // One trial is the median of the three switches.
  const switches = await timed(async () => {
    const each: number[] = []
    for (const [link, content] of views) each.push(await clickUntilPainted(page, mainNav(page).getByRole('link', { name: link, exact: true }), content))
    return median(each)
  })

  const opens = await timed(async (trial) => {
    const row = letters.getByRole('option').nth(trial + 2)
    const subject = (await row.locator('.subject').textContent())?.trim() ?? ''
    return clickUntilPainted(page, row, { selectors: ['#letter-title', '[data-letter-text]'], text: subject })
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

/** What shows a step's content: every selector matches in the document, the first one (when
 *  `text` is given) on an element whose text contains it. */
interface Shown {
  selectors: string[]
  text?: string
}

interface PageTimers {
  /** Ms from the navigation's start until the Letters view's first row was painted. */
  firstRows: Promise<number>
  /** Ms from the next click until `shown` is painted. */
  armClick(shown: Shown): void
  clicked: Promise<number>
}

/** Runs in the page (Playwright's init script, in every document before the app's own scripts):
 *  self-contained, so no names from this file are used inside it. */
function installPageTimers(firstRow: string) {
  const LIMIT_MS = 120_000
  /** Resolves with performance.now() once `shown` holds and the next frame has been painted; the
   *  elements in `stale` (those on screen at the click: the letter open before, with the same
   *  subject as the next one, perhaps) do not count. */
  const whenPainted = (shown: Shown, stale = new Set<Element>()) =>
    new Promise<number>((done, fail) => {
      const holds = () =>
        shown.selectors.every((selector, index) => {
          const found = [...document.querySelectorAll(selector)].filter((element) => !stale.has(element))
          return index === 0 && shown.text !== undefined ? found.some((element) => element.textContent?.includes(shown.text!)) : found.length > 0
        })
      const painted = () => requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0))
      if (holds()) return painted()
      const observer = new MutationObserver(() => {
        if (!holds()) return
        observer.disconnect()
        clearTimeout(limit)
        painted()
      })
      const limit = setTimeout(() => {
        observer.disconnect()
        fail(new Error(`${shown.selectors.join(' and ')} did not show within ${LIMIT_MS / 1000} s`))
      }, LIMIT_MS)
      observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true })
    })
  const timers: PageTimers = {
    firstRows: whenPainted({ selectors: [firstRow] }),
    armClick(shown) {
      timers.clicked = new Promise((done, fail) => {
        addEventListener(
          'click',
          (event) => {
            const stale = new Set(shown.selectors.flatMap((selector) => [...document.querySelectorAll(selector)]))
            whenPainted(shown, stale).then((end) => done(end - event.timeStamp), fail)
          },
          { capture: true, once: true },
        )
      })
    },
    clicked: Promise.resolve(Number.NaN),
  }
  // A page that never shows the rows (about:blank) must not report an unhandled rejection.
  timers.firstRows.catch(() => undefined)
  Object.assign(window, { benchTimers: timers })
}

/** Clicks `target` as a person would (Playwright's real mouse click) and returns the page's own
 *  time from that click event until `shown` is painted. */
async function clickUntilPainted(page: Page, target: Locator, shown: Shown): Promise<number> {
  await target.waitFor(WAIT)
  await page.evaluate((what) => (window as unknown as { benchTimers: PageTimers }).benchTimers.armClick(what), shown)
  await target.click()
  return page.evaluate(() => (window as unknown as { benchTimers: PageTimers }).benchTimers.clicked)
}

function nextFrame(page: Page) {
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))))
}
