// History and undo (issue 4, item 8): the global log with before → after, Undo and Redo buttons,
// and Ctrl+Z / Ctrl+Shift+Z from anywhere except while typing.
import { test, expect } from './fixtures'
import { mainNav, openRecommendation, startWithDemo, toasts } from './review-helpers'

test('the history lists a change with before → after; Undo, Redo and the shortcuts act on it', async ({ page, harness }) => {
  test.setTimeout(90_000)
  await startWithDemo(page, harness.url)
  await openRecommendation(page, '4')
  const status = page.getByLabel('Status', { exact: true })
  const before = await status.inputValue()
  const after = before === 'Rejected' ? 'Implemented' : 'Rejected'
  await status.selectOption(after)
  await page.getByRole('button', { name: 'Save assessment' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Assessment saved' })).toBeVisible()

  // Ctrl+Z while typing in the narrative is the text box's own undo, not the app's.
  const narrative = page.getByLabel('Narrative')
  await narrative.focus()
  await page.keyboard.press('Control+Z')
  await expect(status).toHaveValue(after)

  await mainNav(page).getByRole('link', { name: 'History' }).click()
  const log = page.getByRole('table', { name: 'Changes, newest first' })
  const first = log.getByRole('row').nth(1)
  await expect(first).toContainText(`Assessed recommendation: ${after}`)
  await expect(first).toContainText('secretariat')
  await expect(first.getByRole('link', { name: 'Recommendation 4' })).toBeVisible()
  await first.getByRole('button', { name: 'Show the change' }).click()
  const detail = log.getByRole('row').nth(2)
  const statusChange = detail.getByRole('definition').filter({ hasText: 'changed to' }).first()
  await expect(statusChange).toContainText(before)
  await expect(statusChange).toContainText(after)

  // Undo with the button.
  const undo = page.getByRole('button', { name: 'Undo: Assessed recommendation' })
  await undo.click()
  await expect(toasts(page).getByText('Undone: Assessed recommendation.')).toBeVisible()
  await expect(page.getByRole('button', { name: /^Redo: / })).toBeVisible()

  // Redo from the keyboard, anywhere.
  await page.getByRole('heading', { level: 1, name: 'History' }).click()
  await page.keyboard.press('Control+Shift+Z')
  await expect(toasts(page).getByText('Redone: Assessed recommendation.')).toBeVisible()
  await openRecommendation(page, '4')
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue(after)

  // Undo from the keyboard on another page: the open recommendation shows the old status again.
  await page.getByRole('heading', { level: 1 }).click()
  await page.keyboard.press('Control+Z')
  await expect(toasts(page).getByText('Undone: Assessed recommendation.')).toBeVisible()
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue(before)
})
