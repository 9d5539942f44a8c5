// First run: the welcome, both choices, and reading a letter from the demonstration data.
import { test, expect } from './fixtures'

test('first run shows the welcome, and "Start empty" leads to setting up, then the empty letters inbox', async ({ page, harness }) => {
  await page.goto(harness.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Progress Desk' })).toBeVisible()
  await expect(page).toHaveTitle('Welcome – Progress Desk')

  await page.getByRole('button', { name: 'Start empty' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Set up your report' })).toBeVisible()
  await page.getByRole('link', { name: 'Import the letters you have received' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Letters' })).toBeVisible()
  await expect(page).toHaveTitle('Letters – Progress Desk')
  await expect(page.getByText('No letters yet. Import letters or load the demonstration data.')).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/letters-empty.png' })
})

test('"Load demonstration data" fills the inbox, and opening a letter shows its text', async ({ page, harness }) => {
  await page.goto(harness.url)
  await page.getByRole('button', { name: 'Load demonstration data' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Loading the demonstration data…' })).toBeVisible()

  const list = page.getByRole('listbox', { name: 'Letters' })
  await expect(list).toBeVisible({ timeout: 30_000 })
  await expect(page.getByRole('heading', { level: 2, name: /^\d+ letters$/ })).toBeVisible()
  const count = Number((await page.getByRole('heading', { level: 2, name: /^\d+ letters$/ }).textContent())?.match(/\d+/)?.[0])
  expect(count).toBeGreaterThanOrEqual(30)

  const first = list.getByRole('option').first()
  const row = (await first.textContent()) ?? ''
  await first.click()

  await expect(page).toHaveURL(/#\/letters\/\d+$/)
  await expect(first).toHaveAttribute('aria-selected', 'true')
  const reader = page.getByRole('region', { name: 'Reading pane' })
  const subject = (await reader.getByRole('heading', { level: 2 }).textContent())?.trim() ?? ''
  expect(subject.length).toBeGreaterThan(0)
  expect(row).toContain(subject)
  // The text itself: every demonstration letter closes with a salutation.
  await expect(reader.getByText(/^Yours (sincerely|faithfully)/).first()).toBeVisible()
})
