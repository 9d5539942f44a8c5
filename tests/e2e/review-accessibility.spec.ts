// axe-core (WCAG 2.2 AA rule set) on the review workspace's views, in the light and the dark
// theme, each in a state that shows its interesting parts (results, redlines, dialogs, details).
// Console errors are collected too: that is where Content Security Policy refusals show up.
import { expectNoViolations } from './axe'
import { test, expect } from './fixtures'
import { mainNav, openRecommendation, startWithDemo, toasts } from './review-helpers'


for (const colorScheme of ['light', 'dark'] as const) {
  test(`the review workspace passes axe in the ${colorScheme} theme`, async ({ page, harness }) => {
    test.setTimeout(240_000)
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(error.message))
    await page.emulateMedia({ colorScheme })

    // Setting up, from "Start empty" on a second harness page is not possible here; the page is
    // reachable from Organisations with the demonstration data loaded.
    await startWithDemo(page, harness.url)

    await page.keyboard.press('Control+K')
    await page.getByRole('searchbox', { name: /Search letters, passages/ }).fill('intimidation')
    await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible()
    await page.getByRole('listbox', { name: 'Search results' }).focus()
    await expectNoViolations(page, 'search with results')

    await openRecommendation(page, '1')
    await page.getByRole('button', { name: /Show the changes from the 2019 progress review/ }).click()
    await page.getByText(/^Preview \(/).click()
    await page.getByRole('group', { name: 'Evidence for this status' }).getByRole('checkbox').first().uncheck()
    await expect(page.getByRole('region', { name: 'History of this recommendation' }).getByRole('listitem').first()).toBeVisible()
    await expectNoViolations(page, 'recommendation detail')

    // The evidence was changed and not saved: leaving asks first.
    page.once('dialog', (dialog) => void dialog.accept())
    await mainNav(page).getByRole('link', { name: 'Cycles & report' }).click()
    await expect(page.getByRole('table', { name: /Stakeholder groups in the/ })).toBeVisible()
    await page.getByText('Statuses as a table').click()
    await expectNoViolations(page, 'dashboard')

    await page.getByRole('button', { name: 'Start a new cycle…' }).click()
    await expect(page.getByRole('dialog', { name: 'Start a new cycle' })).toBeVisible()
    await expectNoViolations(page, 'new cycle dialog')
    await page.keyboard.press('Escape')

    await page.getByRole('link', { name: 'Year on year' }).click()
    await page.getByRole('button', { name: 'Show the changes to the narrative' }).first().click()
    await expectNoViolations(page, 'year on year')

    await page.getByRole('link', { name: 'Progress summary' }).click()
    await expect(page.getByRole('list', { name: 'Sections of the document' })).toBeVisible()
    await page.getByRole('button', { name: 'Export register as CSV…' }).click()
    await expect(page.getByRole('status').filter({ hasText: /Saved to/ })).toBeVisible({ timeout: 30_000 })
    await expectNoViolations(page, 'progress summary export')

    await page.getByRole('link', { name: 'Backups' }).click()
    await page.getByRole('button', { name: 'Back up now' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Backup taken on' })).toBeVisible()
    await expectNoViolations(page, 'backups')
    await page.getByRole('button', { name: /^Restore the backup taken on/ }).click()
    await expect(page.getByRole('alertdialog')).toBeVisible()
    await expectNoViolations(page, 'restore confirmation')
    await page.getByRole('button', { name: 'Cancel' }).click()

    await mainNav(page).getByRole('link', { name: 'History' }).click()
    await page.getByRole('button', { name: 'Show the change' }).first().click()
    await expect(page.getByRole('table', { name: 'Changes, newest first' })).toBeVisible()
    await page.getByRole('button', { name: /^Undo: / }).click()
    await expect(toasts(page).getByText(/^Undone: /)).toBeVisible()
    await expectNoViolations(page, 'history with a toast')

    await mainNav(page).getByRole('link', { name: 'Organisations' }).click()
    await page.getByLabel('Reporting cycle').selectOption({ label: '2019 progress review' })
    await page.getByLabel('Only those still to reply (chase list)').check()
    await expect(page.locator('.flag-tag').first()).toBeVisible()
    await expectNoViolations(page, 'organisations with the chase list')

    await page.getByRole('link', { name: /^Commitments/ }).click()
    await expect(page.getByRole('heading', { name: /Found in letters/ })).toBeVisible()
    await expectNoViolations(page, 'commitments')

    await page.getByRole('link', { name: 'Import from CSV files' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Set up your report' })).toBeVisible()
    await expectNoViolations(page, 'set up')

    expect(errors, 'console errors (including CSP refusals)').toEqual([])
  })
}
