// Screenshots of every view with the demonstration data, for people to look at (not compared).
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'

const DIR = 'test-results/screenshots'

async function shoot(page: Page, name: string) {
  // Let fonts settle so the picture shows what a person would see.
  await page.evaluate('document.fonts.ready')
  await page.screenshot({ path: `${DIR}/${name}.png` })
}

for (const colorScheme of ['light', 'dark'] as const) {
  const suffix = colorScheme === 'light' ? '' : '-dark'

  test(`screenshots of every view (${colorScheme})`, async ({ page, harness }) => {
    test.setTimeout(120_000)
    await page.emulateMedia({ colorScheme })
    await page.goto(harness.url)
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Progress Desk' })).toBeVisible()
    await shoot(page, `welcome${suffix}`)

    await page.getByRole('button', { name: 'Load demonstration data' }).click()
    const list = page.getByRole('listbox', { name: 'Letters' })
    await expect(list).toBeVisible({ timeout: 30_000 })
    await list.getByRole('option').nth(2).click()
    const reader = page.getByRole('region', { name: 'Reading pane' })
    await expect(reader.getByRole('heading', { level: 2 })).toBeVisible()
    // F6 there and back leaves the keyboard focus ring on the open letter's row, as people see it.
    await page.keyboard.press('F6')
    await page.keyboard.press('Shift+F6')
    await expect(list).toBeFocused()
    await shoot(page, `letters${suffix}`)

    await page.getByRole('button', { name: 'Link whole letter…' }).click()
    await shoot(page, `letters-link${suffix}`)
    // The link dialog is modal: Esc closes it and gives the rest of the window back.
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog', { name: 'Link the whole letter' })).toBeHidden()

    const nav = page.getByRole('navigation', { name: 'Main' })
    await nav.getByRole('link', { name: 'Recommendations' }).click()
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible()
    await shoot(page, `recommendations${suffix}`)

    await page.getByRole('table').getByRole('row').nth(1).getByRole('link').click()
    await expect(page.getByRole('button', { name: 'Save assessment' })).toBeVisible()
    await shoot(page, `recommendation${suffix}`)

    await nav.getByRole('link', { name: 'Organisations' }).click()
    await expect(page.getByRole('table').first()).toBeVisible()
    await shoot(page, `organisations${suffix}`)

    await nav.getByRole('link', { name: 'Cycles & report' }).click()
    await page.getByRole('link', { name: 'Progress summary' }).click()
    await page.getByRole('button', { name: 'Export to Word…' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Saved to' })).toBeVisible({ timeout: 30_000 })
    await shoot(page, `cycles${suffix}`)

    await nav.getByRole('button', { name: 'Keyboard shortcuts' }).click()
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
    await shoot(page, `shortcuts${suffix}`)
  })
}
