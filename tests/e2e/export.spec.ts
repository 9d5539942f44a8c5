// The progress summary and the register leave the app (issue 5): settings and group order change
// the outline, "Export to Word…" writes the file, the register goes out as CSV, and Ctrl+E
// exports from anywhere.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { mainNav, startWithDemo } from './review-helpers'

test('groups reordered and the annex off show in the outline, and "Export to Word…" saves the .docx', async ({ page, harness }) => {
  test.setTimeout(90_000)
  await startWithDemo(page, harness.url)
  await mainNav(page).getByRole('link', { name: 'Cycles & report' }).click()
  await page.getByRole('link', { name: 'Progress summary' }).click()

  const outline = page.getByRole('list', { name: 'Sections of the document' })
  await expect(outline.getByRole('listitem').first()).toContainText('Government')
  await expect(outline).toContainText('Annex')

  // Keyboard: Political parties up to first place; focus stays on its button.
  const up = page.getByRole('button', { name: 'Move up: Political parties' })
  await up.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'Political parties moved to position 1 of' })).toBeAttached()
  await expect(page.getByRole('button', { name: 'Move down: Political parties' })).toBeFocused()
  // Press regulators dragged above Policing and prosecution.
  await page.locator('[data-group="Press regulators"]').dragTo(page.locator('[data-group="Policing and prosecution"]'))
  // The annex off.
  await page.getByRole('switch', { name: 'Annex' }).click()
  await expect(page.getByRole('switch', { name: 'Annex' })).toHaveAttribute('aria-checked', 'false')

  const sections = outline.getByRole('listitem')
  await expect(sections.first()).toContainText('Political parties')
  await expect(sections.nth(1)).toContainText('Government')
  await expect(sections.nth(2)).toContainText('Press regulators')
  await expect(sections.nth(3)).toContainText('Policing and prosecution')
  await expect(outline).not.toContainText('Annex')

  // A group left out of this export drops out of the outline.
  await page.getByRole('checkbox', { name: 'Social media companies' }).uncheck()
  await expect(outline).not.toContainText('Social media companies')

  // The title, kept with the data.
  await page.getByLabel('Title').fill('Progress against the recommendations, 2021')
  await page.getByLabel('Title').press('Tab')
  await expect(page.getByRole('region', { name: 'Outline' }).getByText('Progress against the recommendations, 2021')).toBeVisible()

  await page.getByRole('button', { name: 'Export to Word…' }).click()
  const outcome = page.getByRole('status').filter({ hasText: 'Saved to' }).first()
  await expect(outcome).toBeVisible({ timeout: 30_000 })
  await expect(outcome).toContainText('4 sections')
  const files = readdirSync(harness.downloadsDir).filter((name) => name.endsWith('.docx'))
  expect(files).toHaveLength(1)
  const path = join(harness.downloadsDir, files[0]!)
  await expect(outcome).toContainText(path)
  expect(statSync(path).size).toBeGreaterThan(5 * 1024)
  expect(readFileSync(path).subarray(0, 2).toString('latin1')).toBe('PK')

  // Outside the desktop app the document cannot be opened from here, and the app says so.
  await outcome.getByRole('button', { name: 'Open the document' }).click()
  await expect(outcome).toContainText('Opening files from here is available in the desktop app.')

  // The settings were stored: after a reload the order and the switch are as left.
  await page.reload()
  await expect(page.getByRole('switch', { name: 'Annex' })).toHaveAttribute('aria-checked', 'false')
  await expect(page.getByRole('list', { name: 'Sections of the document' }).getByRole('listitem').first()).toContainText('Political parties')
  await expect(page.getByLabel('Title')).toHaveValue('Progress against the recommendations, 2021')
})

test('"Export register as CSV…" writes the register to the downloads folder', async ({ page, harness }) => {
  test.setTimeout(90_000)
  await startWithDemo(page, harness.url)
  await mainNav(page).getByRole('link', { name: 'Cycles & report' }).click()
  await page.getByRole('link', { name: 'Progress summary' }).click()
  await page.getByRole('button', { name: 'Export register as CSV…' }).click()
  await expect(page.getByRole('status').filter({ hasText: /Saved to .*\.csv/ })).toBeVisible({ timeout: 30_000 })
  const files = readdirSync(harness.downloadsDir).filter((name) => name.endsWith('.csv'))
  expect(files).toHaveLength(1)
  const csv = readFileSync(join(harness.downloadsDir, files[0]!), 'utf8')
  expect(csv.split(/\r?\n/)[0]).toMatch(/number/i)
  expect(csv).toContain('New electoral offence of intimidation')

  await page.getByRole('button', { name: 'Export register to Excel…' }).click()
  await expect(page.getByRole('status').filter({ hasText: /Saved to .*\.xlsx/ })).toBeVisible({ timeout: 30_000 })
  expect(readdirSync(harness.downloadsDir).filter((name) => name.endsWith('.xlsx'))).toHaveLength(1)
})

test('Ctrl+E exports the progress summary from anywhere', async ({ page, harness }) => {
  test.setTimeout(90_000)
  await startWithDemo(page, harness.url)
  await page.keyboard.press('Control+E')
  await expect(page).toHaveURL(/#\/cycles\/report$/)
  await expect(page.getByRole('status').filter({ hasText: 'Saved to' }).first()).toBeVisible({ timeout: 30_000 })
  expect(readdirSync(harness.downloadsDir).filter((name) => name.endsWith('.docx'))).toHaveLength(1)
})
