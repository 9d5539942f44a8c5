// Export: the progress summary reaches the downloads folder as a real Word file.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect } from './fixtures'

test('"Export to Word…" saves the progress summary as a .docx', async ({ page, harness }) => {
  await page.goto(harness.url)
  await page.getByRole('button', { name: 'Load demonstration data' }).click()
  await expect(page.getByRole('listbox', { name: 'Letters' })).toBeVisible({ timeout: 30_000 })

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cycles & report' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Cycles & report' })).toBeVisible()
  await expect(page.getByLabel('Include annex')).toBeChecked()
  await page.getByRole('button', { name: 'Export to Word…' }).click()

  const outcome = page.getByRole('status').filter({ hasText: 'Saved to' })
  await expect(outcome).toBeVisible({ timeout: 30_000 })

  const files = readdirSync(harness.downloadsDir).filter((name) => name.endsWith('.docx'))
  expect(files).toHaveLength(1)
  const path = join(harness.downloadsDir, files[0]!)
  await expect(outcome).toContainText(path)
  expect(statSync(path).size).toBeGreaterThan(5 * 1024)
  expect(readFileSync(path).subarray(0, 2).toString('latin1')).toBe('PK')
})

test('Ctrl+E exports from the cycles view', async ({ page, harness }) => {
  await page.goto(harness.url)
  await page.getByRole('button', { name: 'Load demonstration data' }).click()
  await expect(page.getByRole('listbox', { name: 'Letters' })).toBeVisible({ timeout: 30_000 })
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cycles & report' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Cycles & report' })).toBeFocused()
  await expect(page.getByRole('row', { name: /2021 progress review/ })).toBeVisible()

  await page.keyboard.press('Control+E')
  await expect(page.getByRole('status').filter({ hasText: 'Saved to' })).toBeVisible({ timeout: 30_000 })
})
