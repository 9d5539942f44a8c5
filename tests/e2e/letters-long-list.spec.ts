// A long inbox: thousands of letters, fetched from the core a page at a time as the list scrolls.
// The list is as tall as every letter from the start (rows not fetched yet are placeholders),
// End jumps to the oldest letter, and it opens.
import { expect, test } from './fixtures'
import { seedLetters, seededSubject, seededText } from './many-letters'

const LETTERS = 3000
const ROW_HEIGHT = 58

test('scrolls through thousands of letters fetched a page at a time, and opens the last', async ({ page, harness }) => {
  seedLetters(harness.databasePath, LETTERS)
  // Every answer of letters.list, to see that no call carries the whole list.
  const pageSizes: number[] = []
  page.on('response', async (response) => {
    if (!response.url().endsWith('/rpc') || !response.request().postData()?.includes('"letters.list"')) return
    const envelope = (await response.json()) as { ok: boolean; value?: { rows: unknown[] } }
    if (envelope.ok) pageSizes.push(envelope.value!.rows.length)
  })
  await page.goto(harness.url)
  const list = page.getByRole('listbox', { name: 'Letters' })
  await expect(page.getByRole('heading', { name: `${LETTERS} letters` })).toBeVisible({ timeout: 30_000 })
  await expect(list.getByRole('option').first()).toContainText(seededSubject(LETTERS))
  expect(await list.evaluate((element) => element.scrollHeight)).toBeGreaterThanOrEqual(LETTERS * ROW_HEIGHT)

  // Halfway down, the rows there arrive in place of their placeholders.
  await list.evaluate((element) => (element.scrollTop = element.scrollHeight / 2))
  await expect(list.getByRole('option').filter({ hasText: 'Seeded letter' }).first()).toBeVisible()
  await expect(list.locator('[aria-busy="true"]')).toHaveCount(0)

  // End jumps to the oldest letter without fetching every page between; Enter opens it.
  await list.focus()
  await page.keyboard.press('End')
  const last = list.getByRole('option').filter({ hasText: seededSubject(1) })
  await expect(last).toBeVisible()
  await expect(last).toHaveAttribute('aria-posinset', String(LETTERS))
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/letters\/\d+$/)
  await expect(page.getByText(seededText(1))).toBeVisible()

  expect(Math.max(...pageSizes)).toBeLessThanOrEqual(200)
  // The first page, the middle's and the end's: far fewer than the fifteen pages of the whole list.
  expect(pageSizes.length).toBeLessThan(LETTERS / 200)
})
