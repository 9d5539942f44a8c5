// axe-core on the letters' bin (issue 12, item 1) in the light and the dark theme: the list's
// context menu open on a row, the Bin view holding a letter, and the "Empty bin…" confirmation.
import { expectNoViolations } from './axe'
import { test, expect } from './fixtures'
import { loadDemo, shoot } from './letters-helpers'


for (const colorScheme of ['light', 'dark'] as const) {
  test(`the list's context menu and the Bin view pass axe in the ${colorScheme} theme`, async ({ page, harness }) => {
    test.setTimeout(180_000)
    const suffix = colorScheme === 'dark' ? '-dark' : ''
    await page.emulateMedia({ colorScheme })
    const list = await loadDemo(page, harness.url)

    // The menu opened from the keyboard, with its first item highlighted.
    await list.focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Shift+F10')
    const menu = page.getByRole('menu', { name: /^Letter: / })
    await expect(menu.getByRole('menuitem', { name: 'Open' })).toBeFocused()
    await expectNoViolations(page, 'the letter list with its context menu open')
    // The highlighted Delete item, as it looks when chosen.
    await page.keyboard.press('ArrowDown')
    await expect(menu.getByRole('menuitem', { name: 'Delete' })).toBeFocused()
    await expectNoViolations(page, 'the context menu with Delete highlighted')
    await shoot(page, `letters-context-menu${suffix}`)
    await page.keyboard.press('Enter')
    await expect(menu).toBeHidden()

    await page.getByRole('link', { name: 'Bin', exact: true }).click()
    const bin = page.getByRole('table', { name: 'Letters in the bin, most recently deleted first' })
    await expect(bin.getByRole('button', { name: /^Restore from bin: “.+”$/ })).toHaveCount(1)
    await expectNoViolations(page, 'the Bin view with a letter in it')
    await shoot(page, `letters-bin${suffix}`)

    await page.getByRole('button', { name: 'Empty bin…' }).click()
    const confirm = page.getByRole('alertdialog', { name: 'Empty the bin?' })
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
    await expectNoViolations(page, 'the "Empty bin…" confirmation')
    await page.keyboard.press('Escape')
    await expect(confirm).toBeHidden()
  })
}
