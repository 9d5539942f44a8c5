// "Start empty" (UI.md, screen 7): import the register and the recommendations from the demo's
// CSV files, then start the first cycle; bad files are explained.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { mainNav } from './review-helpers'

const DEMO = join(__dirname, '..', '..', 'resources', 'demo')

test('start empty, import organisations and recommendations from CSV, and start the first cycle', async ({ page, harness }) => {
  test.setTimeout(90_000)
  await page.goto(harness.url)
  await page.getByRole('button', { name: 'Start empty' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your report' })).toBeVisible()
  await expect(page.getByText('So far: 0 organisations, 0 recommendations, 0 reporting cycles and 0 letters.')).toBeVisible()

  // A file that is not the register is refused with a reason.
  const bad = join(harness.downloadsDir, '..', 'not-a-register.csv')
  writeFileSync(bad, 'colour,size\nred,large\n')
  await page.getByLabel('Organisations CSV file').setInputFiles(bad)
  await expect(page.getByRole('alert')).toContainText('Correct the file and choose it again.')

  await page.getByLabel('Organisations CSV file').setInputFiles(join(DEMO, 'organisations.csv'))
  await expect(page.getByRole('status').filter({ hasText: /organisations\.csv: Added \d+ organisations\./ })).toBeVisible()
  await page.getByLabel('Report title (optional)').fill('Intimidation in Public Life')
  await page.getByLabel('Recommendations CSV file').setInputFiles(join(DEMO, 'recommendations.csv'))
  await expect(page.getByRole('status').filter({ hasText: /recommendations\.csv: Added \d+ recommendations\./ })).toBeVisible()

  // Importing the same file again updates rather than duplicates.
  await page.getByLabel('Recommendations CSV file').setInputFiles(join(DEMO, 'recommendations.csv'))
  await expect(page.getByRole('status').filter({ hasText: /recommendations\.csv: Updated \d+ recommendations\./ })).toBeVisible()

  await page.getByLabel('Name').fill('2024 progress review')
  await page.getByLabel('Starts').fill('2024-01-01')
  await page.getByLabel('Ends').fill('2024-12-31')
  await page.getByRole('button', { name: 'Start the cycle' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Started the 2024 progress review.' })).toBeVisible()
  await expect(page.getByText(/So far: \d+ organisations, \d+ recommendations, 1 reporting cycle and 0 letters\./)).toBeVisible()

  await mainNav(page).getByRole('link', { name: 'Recommendations' }).click()
  await expect(page.getByRole('table', { name: /in the 2024 progress review/ })).toBeVisible()
  await expect(page.getByText(/^\d+ recommendations$/)).toBeVisible()
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('Not yet assessed')
})
