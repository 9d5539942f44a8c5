// axe-core on the register's dialogs (issue 12) in the light and the dark theme: adding, editing and
// merging organisations, adding and editing recommendations, the reports, and the unknown sender's
// "Add as an alias of…" — each open, and the forms also showing their errors.
import type { Locator, Page } from '@playwright/test'
import { expectNoViolations } from './axe'
import { test, expect } from './fixtures'
import { emlLetter, loadDemo, reader, shoot } from './letters-helpers'
import { mainNav, openRecommendation } from './review-helpers'


/** Esc closes a dialog and gives the page back. */
async function closeWithEscape(page: Page, dialog: Locator) {
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the register's dialogs pass axe in the ${colorScheme} theme`, async ({ page, harness }) => {
    test.setTimeout(240_000)
    const suffix = colorScheme === 'dark' ? '-dark' : ''
    await page.emulateMedia({ colorScheme })
    const list = await loadDemo(page, harness.url)

    // The unknown sender's first choice: another name of an organisation already registered.
    await page.getByLabel('Letter files to import').setInputFiles([
      {
        name: 'press.eml',
        mimeType: 'message/rfc822',
        buffer: emlLetter({ from: 'Culture Team Press Office <press@culture-team.example>', to: 'secretariat@public-standards.example', subject: 'Online safety update', date: 'Mon, 7 Mar 2022 10:00:00 +0000' }, ['Dear Chair,', '', 'A short note.']),
      },
    ])
    await expect(page.locator('[data-import-panel]').getByRole('status')).toContainText('1 file: 1 imported.')
    await list.getByRole('option').filter({ hasText: 'Online safety update' }).click()
    await reader(page).getByRole('button', { name: 'Add as an alias of…' }).click()
    const alias = page.getByRole('dialog', { name: /^Add “Culture Team Press Office” as another name of/ })
    await expect(alias).toBeVisible()
    await expectNoViolations(page, 'the alias dialog')
    await alias.getByLabel(/^(Or another organisation|Organisation)$/).selectOption('')
    await alias.getByRole('button', { name: 'Add as another name' }).click()
    await expect(alias.getByText(/^Choose the organisation/)).toBeVisible()
    await expectNoViolations(page, 'the alias dialog with its error')
    await shoot(page, `register-alias-error${suffix}`)
    await closeWithEscape(page, alias)

    // Organisations: add (with its errors), edit, merge.
    await mainNav(page).getByRole('link', { name: 'Organisations' }).click()
    await expect(page.getByRole('table').first()).toBeVisible()
    await expectNoViolations(page, 'organisations with their edit buttons')
    await page.getByRole('button', { name: 'Add organisation' }).click()
    const add = page.getByRole('dialog', { name: 'Add an organisation' })
    await expect(add.getByLabel('Name', { exact: true })).toBeFocused()
    await add.getByRole('button', { name: 'Add organisation' }).click()
    await expect(add.getByText('Choose the group it belongs to.')).toBeVisible()
    await expectNoViolations(page, 'adding an organisation, with errors')
    await shoot(page, `register-add-errors${suffix}`)
    await closeWithEscape(page, add)

    await page.getByRole('button', { name: 'Edit Home Office' }).click()
    const edit = page.getByRole('dialog', { name: 'Edit Home Office' })
    await expect(edit.getByLabel('E-mail domains (optional)')).toHaveValue('homeoffice.gov.uk')
    await expectNoViolations(page, 'editing an organisation')
    await shoot(page, `register-edit-organisation${suffix}`)
    await closeWithEscape(page, edit)

    await page.getByRole('button', { name: 'Merge organisations…' }).click()
    const merge = page.getByRole('dialog', { name: 'Merge two organisations' })
    await merge.getByLabel('First organisation').selectOption({ label: 'Twitter' })
    await merge.getByLabel('Merge it with').selectOption({ label: 'Facebook' })
    await expect(merge.getByRole('group', { name: 'Which one to keep?' })).toBeVisible()
    await expectNoViolations(page, 'merging two organisations')
    await shoot(page, `register-merge${suffix}`)
    await closeWithEscape(page, merge)

    // Recommendations: add, reports, edit.
    await mainNav(page).getByRole('link', { name: 'Recommendations' }).click()
    await page.getByRole('button', { name: 'Add recommendation' }).click()
    const addRecommendation = page.getByRole('dialog', { name: 'Add a recommendation' })
    await addRecommendation.getByRole('button', { name: 'Add recommendation' }).click()
    await expect(addRecommendation.getByText('Enter its number.')).toBeVisible()
    await expectNoViolations(page, 'adding a recommendation, with errors')
    await shoot(page, `register-add-recommendation${suffix}`)
    await closeWithEscape(page, addRecommendation)

    await page.getByRole('button', { name: 'Reports…' }).click()
    const reports = page.getByRole('dialog', { name: 'Reports' })
    await expect(reports.getByRole('listitem').first()).toBeVisible()
    await reports.getByRole('button', { name: /^Edit / }).first().click()
    await expect(reports.getByLabel('Title')).toBeFocused()
    await expectNoViolations(page, 'the reports')
    await shoot(page, `register-reports${suffix}`)
    await closeWithEscape(page, reports)

    await openRecommendation(page, '1')
    await page.getByRole('button', { name: 'Edit recommendation' }).click()
    const editRecommendation = page.getByRole('dialog', { name: 'Edit recommendation 1' })
    await expect(editRecommendation.getByLabel('Number')).toHaveValue('1')
    await expectNoViolations(page, 'editing a recommendation')
    await closeWithEscape(page, editRecommendation)
  })
}
