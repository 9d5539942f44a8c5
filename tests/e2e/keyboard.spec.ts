// Working without a mouse: the letter list, the search shortcut, linking and the shortcut list.
import { test, expect } from './fixtures'

test('the letter list, linking and the shortcut list work from the keyboard', async ({ page, harness }) => {
  test.setTimeout(90_000)
  await page.goto(harness.url)
  await page.getByRole('button', { name: 'Load demonstration data' }).click()
  const list = page.getByRole('listbox', { name: 'Letters' })
  await expect(list).toBeVisible({ timeout: 30_000 })

  // J moves the highlight, Enter opens the highlighted letter.
  await list.focus()
  await page.keyboard.press('j')
  await page.keyboard.press('j')
  const active = await list.getAttribute('aria-activedescendant')
  expect(active).toBeTruthy()
  await page.keyboard.press('Enter')
  await expect(page.locator(`#${active}`)).toHaveAttribute('aria-selected', 'true')
  await expect(page).toHaveURL(new RegExp(`#/letters/${active!.replace('letter-option-', '')}$`))

  // "/" goes to the inbox's own filter box; typing narrows the list (Ctrl+K is the search page: search.spec.ts).
  await list.focus()
  await page.keyboard.press('/')
  const search = page.getByRole('searchbox', { name: 'Search' })
  await expect(search).toBeFocused()
  await search.fill('Jo Cox')
  // The core filters the list (a page at a time), so the rows change once its answer comes: wait
  // for every row drawn to be one of Jo Cox's rather than reading the rows once.
  await expect(list.getByRole('option')).not.toHaveCount(0)
  await expect(list.getByRole('option').filter({ hasNotText: 'Jo Cox' })).toHaveCount(0)
  await page.keyboard.press('Escape')
  await search.fill('')

  // L with nothing selected links the whole letter: the combobox has focus; Esc closes the panel
  // and returns to its button.
  const reader = page.getByRole('region', { name: 'Reading pane' })
  await list.focus()
  await page.keyboard.press('l')
  const box = reader.getByRole('combobox', { name: 'Recommendation' })
  await expect(box).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(reader.getByRole('button', { name: 'Link whole letter…' })).toBeFocused()

  // Linking from the keyboard (the first recommendation offered, then a note), then removing it.
  await page.keyboard.press('Enter')
  await expect(box).toBeFocused()
  await page.keyboard.press('ArrowDown')
  const chosen = ((await reader.locator('[role="option"][data-highlighted] .option-title').textContent()) ?? '').trim()
  const [number, ...title] = chosen.split(/\s+/)
  await page.keyboard.press('Enter')
  await expect(reader.getByLabel('Note (optional)')).toBeFocused()
  await page.keyboard.type('Linked in a keyboard test')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: `to recommendation ${number}.` })).toBeVisible()
  await expect(reader.getByRole('link', { name: `${number}. ${title.join(' ')}` }).first()).toBeVisible()
  await reader.getByRole('button', { name: `Remove the link to recommendation ${number}` }).click()
  await expect(page.getByRole('status').filter({ hasText: `Removed the link to recommendation ${number}.` })).toBeVisible()

  // ? shows the shortcut list; Esc closes it.
  await list.focus()
  await page.keyboard.press('?')
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('term').filter({ hasText: /^A$/ })).toBeVisible()
  await expect(dialog.getByRole('definition').filter({ hasText: 'Accept the suggestion in focus' })).toBeVisible()
  await expect(dialog.getByRole('definition').filter({ hasText: 'Reject the suggestion in focus' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})
