// Recommendations: evidence opens its letter; an assessment saves and survives a reload.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'

async function startWithDemo(page: Page, url: string) {
  await page.goto(url)
  await page.getByRole('button', { name: 'Load demonstration data' }).click()
  await expect(page.getByRole('listbox', { name: 'Letters' })).toBeVisible({ timeout: 30_000 })
}

async function openFirstRecommendation(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recommendations' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Recommendations' })).toBeVisible()
  const firstLink = page.getByRole('table').getByRole('row').nth(1).getByRole('link')
  const title = (await firstLink.textContent())?.trim() ?? ''
  await firstLink.click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  return title
}

test('a recommendation lists its evidence, and each letter opens from there', async ({ page, harness }) => {
  await startWithDemo(page, harness.url)
  await openFirstRecommendation(page)

  const evidence = page.getByRole('region', { name: /Linked letters/ })
  const letterLink = evidence.getByRole('link').first()
  await expect(letterLink).toBeVisible()
  const label = (await letterLink.textContent())?.trim() ?? ''
  const sender = label.split(',')[0]!.trim()
  await letterLink.click()

  await expect(page).toHaveURL(/#\/letters\/\d+$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Letters' })).toBeVisible()
  const reader = page.getByRole('region', { name: 'Reading pane' })
  await expect(reader.getByRole('heading', { level: 2 })).toBeVisible()
  await expect(reader.getByText(sender).first()).toBeVisible()
  await expect(page.getByRole('listbox', { name: 'Letters' }).getByRole('option', { selected: true })).toContainText(sender)
})

test('setting a status and narrative saves them, and they are still there after a reload', async ({ page, harness }) => {
  await startWithDemo(page, harness.url)
  await openFirstRecommendation(page)

  const narrative = `Tested on ${Date.now()}: the Government has legislated and the offence is in force.`
  await page.getByLabel('Status', { exact: true }).selectOption('Partially implemented')
  await page.getByLabel('Response', { exact: true }).selectOption('Accepted in part')
  await page.getByLabel('Narrative').fill(narrative)
  await page.getByRole('button', { name: 'Save assessment' }).click()
  await expect(page.getByRole('status').filter({ hasText: /Assessment saved for the/ })).toBeVisible()

  await page.reload()
  await expect(page.getByLabel('Narrative')).toHaveValue(narrative)
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('Partially implemented')
  await expect(page.getByLabel('Response', { exact: true })).toHaveValue('Accepted in part')

  await page.getByRole('link', { name: 'All recommendations' }).click()
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('Partially implemented')
})

test('leaving an assessment with unsaved changes asks first', async ({ page, harness }) => {
  await startWithDemo(page, harness.url)
  const title = await openFirstRecommendation(page)
  await page.getByLabel('Narrative').fill('A draft that has not been saved yet.')
  await expect(page.getByText('Unsaved changes')).toBeVisible()

  page.once('dialog', (dialog) => void dialog.dismiss())
  await page.getByRole('link', { name: 'All recommendations' }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByLabel('Narrative')).toHaveValue('A draft that has not been saved yet.')

  page.once('dialog', (dialog) => void dialog.accept())
  await page.getByRole('link', { name: 'All recommendations' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Recommendations' })).toBeVisible()
})
