// axe-core (WCAG 2.2 AA) on the Letters area's states in both themes: highlights with badges,
// the selection bar, the link combobox, a passage's links, suggestions, editing the details,
// adding an unknown sender, the import progress and a search opened on a letter.
import { expectNoViolations } from './axe'
import { test, expect } from './fixtures'
import { emlLetter, loadDemo, reader, selectInLetter, shoot } from './letters-helpers'

for (const colorScheme of ['light', 'dark'] as const) {
  const suffix = colorScheme === 'light' ? '' : '-dark'

  test(`the Letters area passes axe in the ${colorScheme} theme`, async ({ page, harness }) => {
    // Nine axe runs over the demonstration data: minutes on a loaded two-core machine.
    test.setTimeout(360_000)
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(error.message))
    await page.emulateMedia({ colorScheme })
    const list = await loadDemo(page, harness.url)
    const pane = reader(page)

    // A demonstration letter with highlights, opened from a search for two of its words.
    await list.getByRole('option').filter({ hasText: 'Jo Cox Foundation' }).first().click()
    await expect(pane.getByRole('heading', { level: 2 })).toBeVisible()
    const id = /#\/letters\/(\d+)/.exec(page.url())?.[1]
    await page.goto(`${harness.url}#/letters/${id}?q=${encodeURIComponent('candidates "joint statement"')}`)
    await expect(pane.getByRole('group', { name: 'Search words' })).toContainText(/of \d+ match/)
    await expect(pane.locator('mark.search-hit').first()).toBeVisible()
    await shoot(page, `letters-search-words${suffix}`)
    await expectNoViolations(page, 'letter opened from a search')
    await pane.getByRole('button', { name: 'Stop highlighting' }).click()
    await expect(pane.locator('mark.search-hit')).toHaveCount(0)

    // Highlights and their badges; one passage's links.
    const badge = pane.getByRole('button', { name: /^Passage linked to recommendation/ }).first()
    await expect(badge).toBeVisible()
    await badge.click()
    await expect(pane.getByRole('dialog', { name: 'Highlighted passage' })).toBeVisible()
    await shoot(page, `letters-passage${suffix}`)
    await expectNoViolations(page, 'a passage’s links')
    await page.keyboard.press('Escape')

    // Suggestions focused, then the selection bar and the link combobox.
    const suggestion = pane.getByRole('region', { name: 'Suggestions' }).getByRole('listitem').first()
    if (await suggestion.count()) {
      await suggestion.focus()
      await expectNoViolations(page, 'a suggestion focused')
    }
    const words = (await pane.locator('[data-letter-text] p span[data-start]').last().textContent())!.trim().split(/\s+/).slice(0, 3).join(' ')
    await selectInLetter(page, words)
    await expect(pane.getByRole('toolbar', { name: 'Selected text' })).toBeVisible()
    await expectNoViolations(page, 'the selection bar')
    await pane.getByRole('toolbar', { name: 'Selected text' }).getByRole('button', { name: 'Add note' }).click()
    const panel = pane.getByRole('dialog', { name: 'Link the selection' })
    await expect(panel.getByLabel('Note (optional)')).toBeFocused()
    await expect(panel.getByRole('option').first()).toBeVisible()
    await expect(panel.getByRole('combobox')).toHaveAttribute('aria-controls', /.+/)
    await shoot(page, `letters-add-note${suffix}`)
    await expectNoViolations(page, 'the link combobox')
    await page.keyboard.press('Escape')
    await expect(panel).toBeHidden()

    // Editing the details (the strip opened first).
    await pane.getByRole('button', { name: 'Details' }).click()
    await expectNoViolations(page, 'the details open')
    await pane.getByRole('button', { name: 'Edit details' }).click()
    await expect(pane.getByLabel('From (sender)')).toBeFocused()
    await shoot(page, `letters-edit-details${suffix}`)
    await expectNoViolations(page, 'editing a letter’s details')
    await page.keyboard.press('Escape')
    await expect(pane.getByRole('button', { name: 'Edit details' })).toBeFocused()

    // An unknown sender, offered as a new organisation.
    await page.getByLabel('Letter files to import').setInputFiles([
      {
        name: 'unknown.eml',
        mimeType: 'message/rfc822',
        buffer: emlLetter(
          { from: 'Jo Bloggs <jo@civic-voice.org.uk>', to: 'secretariat@public-standards.example', subject: 'Hello from Civic Voice', date: 'Mon, 7 Mar 2022 10:00:00 +0000' },
          ['Dear Secretariat,', '', 'We would like to share our research on abuse of councillors.', '', 'Jo Bloggs'],
        ),
      },
    ])
    const importPanel = page.locator('[data-import-panel]')
    await expect(importPanel.getByRole('status')).toContainText('1 file: 1 imported.')
    await expectNoViolations(page, 'the import results')
    await importPanel.getByRole('link', { name: /^Open/ }).first().click()
    await expect(pane).toContainText('The sender is not in the register.')
    await expectNoViolations(page, 'an unknown sender')
    await pane.getByRole('button', { name: 'New organisation' }).click()
    await expect(page.getByRole('dialog', { name: 'Add a new organisation' })).toBeVisible()
    await expectNoViolations(page, 'adding a new organisation')
    await page.keyboard.press('Escape')

    // Filters by format and date.
    const all = Number(/\d+/.exec((await page.getByRole('heading', { level: 2, name: /^\d+ letters$/ }).textContent()) ?? '')?.[0])
    await page.getByLabel('Format').selectOption('eml')
    await expect(list.getByRole('option').filter({ hasText: 'Hello from Civic Voice' })).toBeVisible()
    // The core filters the list, so its count changes when the answer comes.
    await expect(page.getByRole('heading', { level: 2, name: /^\d+ letters?$/ })).not.toHaveText(`${all} letters`)
    const emails = Number(/\d+/.exec((await page.getByRole('heading', { level: 2, name: /^\d+ letters?$/ }).textContent()) ?? '')?.[0])
    expect(emails).toBeLessThan(all)
    await page.getByLabel('Format').selectOption({ label: 'All formats' })
    await page.getByLabel('From', { exact: true }).fill('2021-01-01')
    await page.getByLabel('To', { exact: true }).fill('2021-03-31')
    await expect(list.getByRole('option').first()).toBeVisible()
    // Every row drawn, once the core's filtered answer has come, is from the first quarter of 2021.
    await expect(list.getByRole('option').filter({ hasNotText: /(January|February|March) 2021/ })).toHaveCount(0)
    await expectNoViolations(page, 'filtered by date')

    expect(errors, 'console errors (including CSP refusals)').toEqual([])
  })
}
