// The letters' bin in the app (issue 12, item 1): Del on the list's active row and Ctrl+Z, the
// list's context menu (right-click and Shift+F10), "Restore from bin" and "Empty bin…".
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { loadDemo } from './letters-helpers'
import { toasts } from './review-helpers'

/** The list's row at `index` (0-based, among those rendered), with its letter's subject. */
async function rowAt(list: Locator, index: number) {
  const row = list.getByRole('option').nth(index)
  await expect(row).toBeVisible()
  const subject = (await row.locator('.subject').textContent())?.trim() ?? ''
  const id = (await row.getAttribute('id')) ?? ''
  expect(subject).not.toBe('')
  expect(id).toMatch(/^letter-option-\d+$/)
  return { row: list.locator(`#${id}`), subject, id }
}

async function openBin(page: Page) {
  await page.getByRole('link', { name: 'Bin', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Bin' })).toBeVisible()
  return page.getByRole('table', { name: 'Letters in the bin, most recently deleted first' })
}

async function backToLetters(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Letters' }).click()
  const list = page.getByRole('listbox', { name: 'Letters' })
  await expect(list).toBeVisible()
  return list
}

test('Del deletes the active row of the list, not only the open letter, and Ctrl+Z brings it back', async ({ page, harness }) => {
  test.setTimeout(120_000)
  const list = await loadDemo(page, harness.url)
  const opened = await rowAt(list, 0)
  await opened.row.click()
  await expect(opened.row).toHaveAttribute('aria-selected', 'true')

  // Move to the third row without opening it: Del acts on it, and the open letter stays open.
  await list.focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  const target = await rowAt(list, 2)
  await expect(list).toHaveAttribute('aria-activedescendant', target.id)
  const following = await rowAt(list, 3)
  await page.keyboard.press('Delete')
  await expect(toasts(page).getByText('Moved the letter to the bin.', { exact: false })).toBeVisible()
  await expect(target.row).toHaveCount(0)
  await expect(opened.row).toHaveAttribute('aria-selected', 'true')
  // The active row is now the letter that followed, so Del again would act on it.
  await expect(list).toHaveAttribute('aria-activedescendant', following.id)
  await expect(list).toBeFocused()

  await page.getByRole('heading', { level: 1, name: 'Letters' }).click()
  await page.keyboard.press('Control+Z')
  await expect(toasts(page).getByText(/^Undone: Deleted letter to the bin/)).toBeVisible()
  await expect(target.row).toBeVisible()
  await expect(target.row).toContainText(target.subject)
})

test('the list’s context menu deletes a letter, and "Restore from bin" brings it back', async ({ page, harness }) => {
  test.setTimeout(120_000)
  const list = await loadDemo(page, harness.url)
  const target = await rowAt(list, 1)

  await target.row.click({ button: 'right' })
  const menu = page.getByRole('menu', { name: `Letter: ${target.subject}` })
  await expect(menu).toBeVisible()
  await expect(menu.getByRole('menuitem')).toHaveText(['Open', /^\s*Delete\s+Del$/])
  await menu.getByRole('menuitem', { name: 'Delete' }).click()
  await expect(menu).toBeHidden()
  await expect(target.row).toHaveCount(0)

  const bin = await openBin(page)
  const binned = bin.getByRole('row').filter({ hasText: target.subject })
  await expect(binned).toHaveCount(1)
  await binned.getByRole('button', { name: `Restore from bin: “${target.subject}”` }).click()
  await expect(toasts(page).getByText(`Restored “${target.subject}”`, { exact: false })).toBeVisible()
  await expect(page.getByText('The bin is empty.')).toBeVisible()

  const again = await backToLetters(page)
  await expect(again.locator(`#${target.id}`)).toContainText(target.subject)
})

test('Shift+F10 opens the active row’s menu from the keyboard; Open and Delete act on that row', async ({ page, harness }) => {
  test.setTimeout(120_000)
  const list = await loadDemo(page, harness.url)
  const first = await rowAt(list, 0)
  const second = await rowAt(list, 1)
  // Focus lands on the first row; one step down is the second, which is not open.
  await list.focus()
  await page.keyboard.press('ArrowDown')
  await expect(list).toHaveAttribute('aria-activedescendant', second.id)

  await page.keyboard.press('Shift+F10')
  const menu = page.getByRole('menu', { name: `Letter: ${second.subject}` })
  await expect(menu).toBeVisible()
  await expect(menu.getByRole('menuitem', { name: 'Open' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(menu).toBeHidden()
  await expect(second.row).toHaveAttribute('aria-selected', 'true')

  // Esc closes the menu and gives the focus back to the list.
  await list.focus()
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ContextMenu')
  const firstMenu = page.getByRole('menu', { name: `Letter: ${first.subject}` })
  await expect(firstMenu).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(firstMenu).toBeHidden()
  await expect(list).toBeFocused()

  await page.keyboard.press('Shift+F10')
  await expect(firstMenu).toBeVisible()
  await page.keyboard.press('ArrowDown')
  await expect(firstMenu.getByRole('menuitem', { name: 'Delete' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(first.row).toHaveCount(0)
  // The open letter was not the one deleted: it stays open.
  await expect(second.row).toHaveAttribute('aria-selected', 'true')
})

test('"Empty bin…" asks first; Cancel keeps the letters, "Empty bin" removes them for good', async ({ page, harness }) => {
  test.setTimeout(120_000)
  const list = await loadDemo(page, harness.url)
  const deleted: string[] = []
  for (let i = 0; i < 2; i++) {
    const target = await rowAt(list, 0)
    await target.row.click()
    await expect(target.row).toHaveAttribute('aria-selected', 'true')
    await page.keyboard.press('Delete')
    await expect(target.row).toHaveCount(0)
    deleted.push(target.subject)
  }

  const bin = await openBin(page)
  for (const subject of deleted) await expect(bin.getByRole('row').filter({ hasText: subject })).toHaveCount(1)
  await page.getByRole('button', { name: 'Empty bin…' }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Empty the bin?' })
  await expect(confirm).toContainText('The 2 letters in the bin')
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirm).toBeHidden()
  await expect(bin.getByRole('row')).toHaveCount(3)

  await page.getByRole('button', { name: 'Empty bin…' }).click()
  await confirm.getByRole('button', { name: 'Empty bin' }).click()
  await expect(toasts(page).getByText('Emptied the bin: 2 letters removed for good.')).toBeVisible()
  await expect(page.getByText('The bin is empty.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Empty bin…' })).toBeDisabled()

  // Purged letters are not back in the list.
  const again = await backToLetters(page)
  for (const subject of deleted) await expect(again.getByRole('option').filter({ hasText: subject })).toHaveCount(0)
})
