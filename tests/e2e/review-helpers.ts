// Small steps the review-workspace specs share: start on the demonstration data, find the main
// navigation, open a recommendation by number.
import type { Page } from '@playwright/test'
import { expect } from './fixtures'

export async function startWithDemo(page: Page, url: string) {
  await page.goto(url)
  await page.getByRole('button', { name: 'Load demonstration data' }).click()
  await expect(page.getByRole('listbox', { name: 'Letters' })).toBeVisible({ timeout: 30_000 })
}

export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' })
}

/** Opens a recommendation from the table by its number as printed. */
export async function openRecommendation(page: Page, number: string) {
  await mainNav(page).getByRole('link', { name: 'Recommendations' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Recommendations' })).toBeVisible()
  // The number is the row's first cell (other cells hold counts that could read the same).
  const row = page.locator('tbody tr').filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^\\s*${number}\\s*$`) }) })
  const link = row.getByRole('link')
  const title = (await link.textContent())?.trim() ?? ''
  await link.click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  return title
}

/** The toasts (Reka UI also copies their text into a hidden announcer, so look here only). */
export function toasts(page: Page) {
  return page.locator('.toast-viewport')
}
