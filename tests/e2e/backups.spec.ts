// Backups (issue 6): "Back up now", the list, and "Restore…" with a confirmation that says the
// current file is kept aside; afterwards the app shows the restored data.
import { existsSync } from 'node:fs'
import { test, expect } from './fixtures'
import { mainNav, openRecommendation, startWithDemo } from './review-helpers'

test('back up now, change something, restore the backup: the change is gone and the old file kept', async ({ page, harness }) => {
  test.setTimeout(90_000)
  await startWithDemo(page, harness.url)
  await mainNav(page).getByRole('link', { name: 'Cycles & report' }).click()
  await page.getByRole('link', { name: 'Backups' }).click()
  await expect(page.getByText('No backups yet. Take one now.')).toBeVisible()
  await page.getByRole('button', { name: 'Back up now' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Backup taken on' })).toBeVisible()
  const list = page.getByRole('table', { name: 'Backups kept, newest first' })
  await expect(list.getByRole('row')).toHaveCount(2)
  await expect(list.getByRole('row').nth(1)).toContainText('Taken by hand')
  await expect(list.getByRole('row').nth(1)).toContainText(/\d+(\.\d)? (MB|KB)/)

  // A change after the backup.
  await openRecommendation(page, '3')
  await page.getByLabel('Narrative').fill('Written after the backup.')
  await page.getByRole('button', { name: 'Save assessment' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Assessment saved' })).toBeVisible()

  await mainNav(page).getByRole('link', { name: 'Cycles & report' }).click()
  await page.getByRole('link', { name: 'Backups' }).click()
  await page.getByRole('button', { name: /^Restore the backup taken on/ }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Restore this backup?' })
  await expect(confirm).toContainText('is not deleted: it is kept aside')
  // Cancel has focus first, so Enter never restores by accident.
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await confirm.getByRole('button', { name: 'Restore this backup' }).click()

  const outcome = page.getByRole('status').filter({ hasText: 'Restored the backup taken on' })
  await expect(outcome).toBeVisible({ timeout: 20_000 })
  await expect(outcome).toContainText('The file you were working on was kept as')
  const kept = /kept as (.+)\.$/.exec((await outcome.textContent()) ?? '')?.[1]
  expect(kept && existsSync(kept)).toBeTruthy()

  await openRecommendation(page, '3')
  await expect(page.getByLabel('Narrative')).not.toHaveValue('Written after the backup.')
})
