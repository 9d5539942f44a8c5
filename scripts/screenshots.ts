// Screenshots of every view with the demonstration data, light and dark, for people to look at
// (not a test: nothing is compared). `npm run screenshots [-- --out DIR] [--only main,review,morning] [--readme]`
// Drives Debian's Chromium (CHROMIUM_PATH, else /usr/bin/chromium) with Playwright's library API
// against the loopback harness on a fresh database, as the e2e tests do; builds out/ first when it
// is missing. Pictures go to test-results/screenshots (or --out); --readme also copies the
// morning's letter (letters-reading.png) to docs/screenshots/letters.png, the picture in the README.
// Node 24 runs this file directly; it restarts itself with --experimental-transform-types and
// loads the project's TypeScript through scripts/ts-hooks.mjs, as scripts/bench-review.ts does.
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type { Browser, Page } from '@playwright/test'

const here = fileURLToPath(import.meta.url)
if (!process.execArgv.includes('--experimental-transform-types')) {
  const child = spawnSync(process.execPath, ['--experimental-transform-types', '--no-warnings', here, ...process.argv.slice(2)], { stdio: 'inherit' })
  process.exit(child.status ?? 1)
}

const root = join(import.meta.dirname, '..')
await import(pathToFileURL(join(root, 'scripts', 'ts-hooks.mjs')).href)
const { chromium, expect } = await import('@playwright/test')
const { startHarness } = (await import(pathToFileURL(join(root, 'tests/harness/start-harness.ts')).href)) as typeof import('../tests/harness/start-harness')
const { mainNav, openRecommendation, startWithDemo } = (await import(pathToFileURL(join(root, 'tests/e2e/review-helpers.ts')).href)) as typeof import('../tests/e2e/review-helpers')
const { cabinetOffice, reader, selectInLetter, trustEmail } = (await import(pathToFileURL(join(root, 'tests/e2e/letters-helpers.ts')).href)) as typeof import('../tests/e2e/letters-helpers')
const { default: playwrightConfig } = (await import(pathToFileURL(join(root, 'playwright.config.ts')).href)) as typeof import('../playwright.config')

const { values } = parseArgs({ options: { out: { type: 'string' }, readme: { type: 'boolean' }, only: { type: 'string' } } })
const OUT = resolve(values.out ?? join(root, 'test-results', 'screenshots'))
const log = (message: string) => process.stderr.write(`${message}\n`)

if (!existsSync(join(root, 'out', 'main', 'harness.js')) || !existsSync(join(root, 'out', 'renderer', 'index.html'))) {
  log('Building Progress Desk once (out/ is missing)…')
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (build.status !== 0) throw new Error('The build failed; run `npm run build` to see why.')
}

const written: string[] = []
async function shoot(page: Page, name: string, height?: number) {
  // Let fonts settle so the picture shows what a person would see; a tall window shows more of
  // a view that scrolls inside the app's main pane.
  const before = page.viewportSize()!
  if (height) await page.setViewportSize({ width: before.width, height })
  await page.evaluate('document.fonts.ready')
  const path = join(OUT, `${name}.png`)
  await page.screenshot({ path })
  if (height) await page.setViewportSize(before)
  written.push(path)
}

async function mainViews(page: Page, url: string, suffix: string) {
  await page.goto(url)
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Progress Desk' })).toBeVisible()
  await shoot(page, `welcome${suffix}`)

  await page.getByRole('button', { name: 'Load demonstration data' }).click()
  const list = page.getByRole('listbox', { name: 'Letters' })
  await expect(list).toBeVisible({ timeout: 30_000 })
  await list.getByRole('option').nth(2).click()
  const reader = page.getByRole('region', { name: 'Reading pane' })
  await expect(reader.getByRole('heading', { level: 2 })).toBeVisible()
  // F6 there and back leaves the keyboard focus ring on the open letter's row, as people see it.
  await page.keyboard.press('F6')
  await page.keyboard.press('Shift+F6')
  await expect(list).toBeFocused()
  await shoot(page, `letters${suffix}`)

  await page.getByRole('button', { name: 'Link whole letter…' }).click()
  await shoot(page, `letters-link${suffix}`)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Link the whole letter' })).toBeHidden()

  const nav = mainNav(page)
  await nav.getByRole('link', { name: 'Recommendations' }).click()
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible()
  await shoot(page, `recommendations${suffix}`)

  await page.getByRole('table').getByRole('row').nth(1).getByRole('link').click()
  await expect(page.getByRole('button', { name: 'Save assessment' })).toBeVisible()
  await shoot(page, `recommendation${suffix}`)

  await nav.getByRole('link', { name: 'Organisations' }).click()
  await expect(page.getByRole('table').first()).toBeVisible()
  await shoot(page, `organisations${suffix}`)

  await nav.getByRole('link', { name: 'Cycles & report' }).click()
  await page.getByRole('link', { name: 'Progress summary' }).click()
  await page.getByRole('button', { name: 'Export to Word…' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved to' })).toBeVisible({ timeout: 30_000 })
  await shoot(page, `cycles${suffix}`)

  await nav.getByRole('button', { name: 'Keyboard shortcuts' }).click()
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  await shoot(page, `shortcuts${suffix}`)
}

async function reviewViews(page: Page, url: string, suffix: string) {
  await startWithDemo(page, url)

  await page.keyboard.press('Control+K')
  const box = page.getByRole('searchbox', { name: /Search letters, passages/ })
  await expect(box).toBeFocused()
  await box.fill('"code of conduct"')
  const results = page.getByRole('listbox', { name: 'Search results' })
  await expect(results.getByRole('option').first()).toContainText('Code')
  await results.focus()
  await page.keyboard.press('j')
  await shoot(page, `search${suffix}`)

  await openRecommendation(page, '1')
  await page.getByRole('button', { name: /Show the changes from the 2019 progress review/ }).click()
  await page.locator('#content').evaluate((el) => el.scrollTo(0, 0))
  await shoot(page, `recommendation-detail${suffix}`, 2000)
  await page.getByLabel('Status', { exact: true }).selectOption('Implemented')
  await page.getByRole('button', { name: 'Save assessment' }).click()
  await expect(page.getByRole('status').filter({ hasText: /Assessment saved/ })).toBeVisible()
  const history = page.getByRole('region', { name: 'History of this recommendation' })
  await history.evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await expect(history.getByText('Assessed recommendation: Implemented')).toBeVisible()
  await shoot(page, `recommendation-history${suffix}`)

  await mainNav(page).getByRole('link', { name: 'Cycles & report' }).click()
  await expect(page.getByRole('table', { name: /Stakeholder groups in the/ })).toBeVisible()
  await shoot(page, `dashboard${suffix}`, 1300)

  await page.getByRole('button', { name: 'Start a new cycle…' }).click()
  await expect(page.getByRole('dialog', { name: 'Start a new cycle' })).toBeVisible()
  await shoot(page, `new-cycle${suffix}`)
  await page.keyboard.press('Escape')

  await page.getByRole('link', { name: 'Year on year' }).click()
  await expect(page.getByRole('heading', { name: 'By recommendation' })).toBeVisible()
  await page.getByRole('button', { name: 'Show the changes to the narrative' }).first().click()
  await shoot(page, `compare${suffix}`, 1300)

  await page.getByRole('link', { name: 'Progress summary' }).click()
  await expect(page.getByRole('region', { name: 'Outline' }).getByRole('list')).toBeVisible()
  await page.getByRole('button', { name: 'Export to Word…' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved to' })).toBeVisible({ timeout: 30_000 })
  await shoot(page, `export-panel${suffix}`, 1500)

  await page.getByRole('link', { name: 'Backups' }).click()
  await page.getByRole('button', { name: 'Back up now' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Backup taken on' })).toBeVisible()
  await page.getByRole('button', { name: /^Restore the backup taken on/ }).first().click()
  await expect(page.getByRole('alertdialog')).toBeVisible()
  await shoot(page, `backups${suffix}`)
  await page.getByRole('button', { name: 'Cancel' }).click()

  await mainNav(page).getByRole('link', { name: 'History' }).click()
  await expect(page.getByRole('table', { name: 'Changes, newest first' })).toBeVisible()
  await page.getByRole('button', { name: 'Show the change' }).first().click()
  await expect(page.getByText('changed to')).toBeAttached()
  await shoot(page, `history${suffix}`)

  await mainNav(page).getByRole('link', { name: 'Organisations' }).click()
  await page.getByLabel('Reporting cycle').selectOption({ label: '2019 progress review' })
  await page.getByLabel('Only those still to reply (chase list)').check()
  await shoot(page, `organisations-chase${suffix}`)

  await page.getByRole('link', { name: /^Commitments/ }).click()
  await page.getByLabel('Reporting cycle').selectOption({ label: '2021 progress review' })
  await expect(page.getByRole('heading', { name: /Found in letters/ })).toBeVisible()
  await shoot(page, `commitments${suffix}`)

  await page.getByRole('link', { name: 'Import from CSV files' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your report' })).toBeVisible()
  await shoot(page, `setup${suffix}`)
}

/** The README's picture: a morning's two letters imported, one linked by suggestion and by selection. */
async function morningViews(page: Page, url: string, suffix: string) {
  await startWithDemo(page, url)
  const list = page.getByRole('listbox', { name: 'Letters' })
  await page.getByLabel('Letter files to import').setInputFiles([
    { name: 'cabinet-office-imprints.txt', mimeType: 'text/plain', buffer: cabinetOffice },
    { name: 'fair-elections-trust.eml', mimeType: 'message/rfc822', buffer: trustEmail },
  ])
  const files = page.locator('[data-import-panel]').getByRole('list', { name: 'Files imported' })
  await files.getByRole('listitem').filter({ hasText: 'fair-elections-trust.eml' }).getByRole('link', { name: /^Open/ }).click()
  const pane = reader(page)
  await pane.getByRole('button', { name: 'Add Priya Shah as a new organisation' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a new organisation' })
  await dialog.getByLabel('Name', { exact: true }).fill('Fair Elections Trust')
  await dialog.getByLabel('Stakeholder group').selectOption('Civil society')
  await dialog.getByRole('button', { name: 'Add organisation' }).click()
  await expect(dialog).toBeHidden()

  await list.getByRole('option').filter({ hasText: 'Digital imprints and candidate addresses' }).click()
  const suggestions = pane.getByRole('region', { name: 'Suggestions' })
  const first = suggestions.getByRole('listitem').first()
  const number = /recommendation (\w+),/.exec((await first.getAttribute('aria-label')) ?? '')?.[1]
  await first.focus()
  await page.keyboard.press('a')
  await expect(pane.getByRole('button', { name: `Passage linked to recommendation ${number}: show its links` })).toBeVisible()
  // Link the other of the two passages the letter answers by selecting it and pressing L.
  const target = number === '2' ? { number: '3', words: 'will have to show an imprint saying who published it' } : { number: '2', words: 'no longer have their home addresses printed on the ballot paper' }
  await selectInLetter(page, target.words)
  await page.keyboard.press('l')
  const link = pane.getByRole('dialog', { name: 'Link the selection' })
  await link.getByRole('combobox', { name: 'Recommendation' }).fill(target.number)
  await expect(link.getByRole('option').first()).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(link).toBeHidden()
  await expect(pane.getByRole('button', { name: `Passage linked to recommendation ${target.number}: show its links` })).toBeVisible()
  await shoot(page, `letters-reading${suffix}`)
}

/** One tour on its own harness and database, in a fresh browser page. */
async function tour(browser: Browser, colorScheme: 'light' | 'dark', views: typeof mainViews) {
  const harness = await startHarness()
  const { viewport, locale } = playwrightConfig.use ?? {}
  const context = await browser.newContext({ viewport, locale, colorScheme })
  try {
    await views(await context.newPage(), harness.url, colorScheme === 'light' ? '' : '-dark')
  } finally {
    await context.close()
    await harness.stop()
  }
}

const TOURS = { main: mainViews, review: reviewViews, morning: morningViews }
const chosen = (values.only?.split(',') ?? Object.keys(TOURS)) as (keyof typeof TOURS)[]
const unknown = chosen.filter((name) => !(name in TOURS))
if (unknown.length > 0) throw new Error(`--only takes ${Object.keys(TOURS).join(', ')}; not ${unknown.join(', ')}.`)
if (values.readme && !chosen.includes('morning')) throw new Error('--readme needs the morning tour (its letters-reading.png is the README picture).')

mkdirSync(OUT, { recursive: true })
const browser = await chromium.launch({ ...playwrightConfig.use?.launchOptions, executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })
try {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const name of chosen) await tour(browser, colorScheme, TOURS[name])
  }
} finally {
  await browser.close()
}
if (values.readme) {
  copyFileSync(join(OUT, 'letters-reading.png'), join(root, 'docs', 'screenshots', 'letters.png'))
  written.push(join(root, 'docs', 'screenshots', 'letters.png'))
}
log(`${written.length} screenshots written:\n${written.map((path) => `  ${path}`).join('\n')}`)
