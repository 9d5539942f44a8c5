// Screenshots of the review workspace's views with the demonstration data, for people to look at
// (not compared): search, the dashboard, year on year, the export panel, backups, history, a
// recommendation with its redline and history, the chase list, commitments and setting up.
import { test, expect } from './fixtures'
import { mainNav, openRecommendation, shoot, shootTall, startWithDemo } from './review-helpers'

for (const colorScheme of ['light', 'dark'] as const) {
  const suffix = colorScheme === 'light' ? '' : '-dark'

  test(`screenshots of the review workspace (${colorScheme})`, async ({ page, harness }) => {
    test.setTimeout(180_000)
    await page.emulateMedia({ colorScheme })
    await startWithDemo(page, harness.url)

    await page.keyboard.press('Control+K')
    const box = page.getByRole('searchbox', { name: /Search letters, passages/ })
    await expect(box).toBeFocused()
    await box.fill('"code of conduct"')
    const results = page.getByRole('listbox', { name: 'Search results' })
    await expect(results.getByRole('option').first()).toContainText('Code')
    await results.focus()
    await page.keyboard.press('j')
    await shoot(page, `search${suffix}`)

    const title = await openRecommendation(page, '1')
    expect(title.length).toBeGreaterThan(0)
    await page.getByRole('button', { name: /Show the changes from the 2019 progress review/ }).click()
    await page.locator('#content').evaluate((el) => el.scrollTo(0, 0))
    await shootTall(page, `recommendation-detail${suffix}`, 2000)
    await page.getByLabel('Status', { exact: true }).selectOption('Implemented')
    await page.getByRole('button', { name: 'Save assessment' }).click()
    await expect(page.getByRole('status').filter({ hasText: /Assessment saved/ })).toBeVisible()
    const history = page.getByRole('region', { name: 'History of this recommendation' })
    await history.evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await expect(history.getByText('Assessed recommendation: Implemented')).toBeVisible()
    await shoot(page, `recommendation-history${suffix}`)

    await mainNav(page).getByRole('link', { name: 'Cycles & report' }).click()
    await expect(page.getByRole('table', { name: /Stakeholder groups in the/ })).toBeVisible()
    await shootTall(page, `dashboard${suffix}`, 1300)

    await page.getByRole('button', { name: 'Start a new cycle…' }).click()
    await expect(page.getByRole('dialog', { name: 'Start a new cycle' })).toBeVisible()
    await shoot(page, `new-cycle${suffix}`)
    await page.keyboard.press('Escape')

    await page.getByRole('link', { name: 'Year on year' }).click()
    await expect(page.getByRole('heading', { name: 'By recommendation' })).toBeVisible()
    await page.getByRole('button', { name: 'Show the changes to the narrative' }).first().click()
    await shootTall(page, `compare${suffix}`, 1300)

    await page.getByRole('link', { name: 'Progress summary' }).click()
    await expect(page.getByRole('region', { name: 'Outline' }).getByRole('list')).toBeVisible()
    await page.getByRole('button', { name: 'Export to Word…' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Saved to' })).toBeVisible({ timeout: 30_000 })
    await shootTall(page, `export-panel${suffix}`, 1500)

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
  })
}
