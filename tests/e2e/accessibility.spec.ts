// axe-core on every view, in the light and the dark theme (WCAG 2.2 AA rule set). The same walk
// also listens for console errors, which is where Content Security Policy refusals show up.
import { expectNoViolations } from './axe'
import { test, expect } from './fixtures'


for (const colorScheme of ['light', 'dark'] as const) {
  test(`every view passes axe in the ${colorScheme} theme`, async ({ page, harness }) => {
    test.setTimeout(180_000)
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(error.message))
    await page.emulateMedia({ colorScheme })
    await page.goto(harness.url)
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Progress Desk' })).toBeVisible()
    await expectNoViolations(page, 'first run')

    await page.getByRole('button', { name: 'Load demonstration data' }).click()
    const list = page.getByRole('listbox', { name: 'Letters' })
    await expect(list).toBeVisible({ timeout: 30_000 })
    await list.getByRole('option').first().click()
    await expect(page.getByRole('region', { name: 'Reading pane' }).getByRole('heading', { level: 2 })).toBeVisible()
    await expectNoViolations(page, 'letters with a letter open')

    await page.getByRole('button', { name: 'Link whole letter…' }).click()
    await expect(page.getByRole('combobox', { name: 'Recommendation' })).toBeFocused()
    await expectNoViolations(page, 'letters with the link form open')
    // The link dialog is modal: Esc closes it and gives the rest of the window back.
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog', { name: 'Link the whole letter' })).toBeHidden()

    const nav = page.getByRole('navigation', { name: 'Main' })
    await nav.getByRole('link', { name: 'Recommendations' }).click()
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible()
    await expectNoViolations(page, 'recommendations')

    await page.getByRole('table').getByRole('row').nth(1).getByRole('link').click()
    await expect(page.getByRole('button', { name: 'Save assessment' })).toBeVisible()
    await expectNoViolations(page, 'recommendation detail')

    await nav.getByRole('link', { name: 'Organisations' }).click()
    await expect(page.getByRole('table').first()).toBeVisible()
    await expectNoViolations(page, 'organisations')

    await nav.getByRole('link', { name: 'Cycles & report' }).click()
    await page.getByRole('link', { name: 'Progress summary' }).click()
    await expect(page.getByRole('button', { name: 'Export to Word…' })).toBeVisible()
    await expectNoViolations(page, 'cycles & report')

    await nav.getByRole('button', { name: 'Keyboard shortcuts' }).click()
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
    await expectNoViolations(page, 'keyboard shortcuts dialog')

    expect(errors, 'console errors (including CSP refusals)').toEqual([])
  })
}
