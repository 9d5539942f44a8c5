// Search (issue 4): Ctrl+K from anywhere, a phrase with a filter, highlights from the data, order
// by date, saved searches, and a hit opening its letter with the words to find.
import { test, expect } from './fixtures'
import { shoot } from './letters-helpers'
import { mainNav, startWithDemo } from './review-helpers'

test('Ctrl+K searches everything; a phrase with a filter, sorted and saved, opens its letter', async ({ page, harness }) => {
  test.setTimeout(90_000)
  await startWithDemo(page, harness.url)

  // From the letters inbox, Ctrl+K lands in the search box.
  await page.keyboard.press('Control+K')
  await expect(page).toHaveURL(/#\/search$/)
  const box = page.getByRole('searchbox', { name: /Search letters, passages/ })
  await expect(box).toBeFocused()

  await box.fill('"code of conduct"')
  const results = page.getByRole('listbox', { name: 'Search results' })
  await expect(page.getByRole('heading', { name: /^\d+ results?$/ })).toBeVisible()
  await expect(results.getByRole('option').first()).toBeVisible()
  // The matched words are marked, and they are the phrase's words.
  const marks = results.locator('mark')
  await expect(marks.first()).toBeVisible()
  for (const text of await marks.allTextContents()) expect(['code', 'of', 'conduct']).toContain(text.toLowerCase())

  // A filter: one organisation's letters and passages only.
  await page.getByLabel('Organisation').selectOption({ label: 'Green Party' })
  await expect(page.getByRole('heading', { name: /^\d+ results?$/ })).toBeVisible()
  const options = results.getByRole('option')
  await expect(options.first()).toContainText('Green Party')
  // Letters and passages from the party; recommendations and narratives addressed to it (or its group).
  const fromLetters = options.filter({ has: page.locator('.kind--letter, .kind--passage') })
  await expect(fromLetters.first()).toBeVisible()
  for (const option of await fromLetters.all()) await expect(option).toContainText('Green Party')

  // Letters only, newest first.
  await page.getByLabel('Organisation').selectOption({ label: 'Any organisation' })
  await page.getByRole('checkbox', { name: 'Passages' }).uncheck()
  await page.getByRole('checkbox', { name: 'Recommendations' }).uncheck()
  await page.getByRole('checkbox', { name: 'Narratives' }).uncheck()
  await page.getByLabel('Order').selectOption('date')
  // The order arrives with the next answer: wait until the rows read newest first.
  await expect
    .poll(async () => {
      const dates = await options.evaluateAll((rows) => rows.map((row) => row.querySelector('.meta')?.textContent ?? ''))
      const parsed = dates.map((text) => Date.parse(text.replace(/^.*, /, '').trim()))
      return parsed.length > 1 && parsed.every((value, i) => !Number.isNaN(value) && (i === 0 || parsed[i - 1]! >= value))
    })
    .toBe(true)
  await expect(options.first()).toContainText('Letter')

  // Save the search, change everything, then apply the saved search again.
  await page.getByLabel('Save this search as').fill('Party codes')
  await page.getByRole('button', { name: 'Save search' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved this search as “Party codes”.' })).toBeVisible()
  const saved = page.getByRole('region', { name: 'Saved searches' })
  await box.fill('ballot')
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await saved.getByRole('button', { name: 'Party codes', exact: true }).click()
  await expect(box).toHaveValue('"code of conduct"')
  await expect(page.getByLabel('Order')).toHaveValue('date')
  await expect(page.getByRole('checkbox', { name: 'Passages' })).not.toBeChecked()
  // The saved search's own answer has arrived (the results are no longer being updated).
  await expect(page.getByRole('region', { name: /^\d+ results?$/ })).toHaveAttribute('aria-busy', 'false')
  await expect(results.locator('mark').first()).toHaveText(/^(code|of|conduct)$/i)

  // Keyboard: ↓ from the box to the results, Enter opens the letter with the words to find.
  await box.focus()
  await page.keyboard.press('ArrowDown')
  await expect(results).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/letters\/\d+\?q=%22code(%20|\+)of(%20|\+)conduct%22$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Letters' })).toBeVisible()

  // The saved search is still there on coming back, and can be deleted.
  await mainNav(page).getByRole('link', { name: 'Search' }).click()
  await page.getByRole('button', { name: 'Delete the saved search Party codes' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Deleted the saved search “Party codes”.' })).toBeVisible()
  await expect(saved.getByRole('button', { name: 'Party codes', exact: true })).toHaveCount(0)
})

test('a recommendation hit opens the recommendation; nothing found says so', async ({ page, harness }) => {
  test.setTimeout(90_000)
  await startWithDemo(page, harness.url)
  await mainNav(page).getByRole('link', { name: 'Search' }).click()
  const box = page.getByRole('searchbox', { name: /Search letters, passages/ })
  await box.fill('ballot*')
  await page.getByRole('checkbox', { name: 'Letters' }).uncheck()
  await page.getByRole('checkbox', { name: 'Passages' }).uncheck()
  await page.getByRole('checkbox', { name: 'Narratives' }).uncheck()
  const first = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()
  await expect(first).toContainText('Recommendation')
  await first.click()
  await expect(page).toHaveURL(/#\/recommendations\/\d+$/)
  await expect(page.getByRole('button', { name: 'Save assessment' })).toBeVisible()

  await page.goBack()
  await box.fill('zzzyqx')
  await expect(page.getByText('Nothing matches “zzzyqx”')).toBeVisible()
})

test('↓ pressed while a search is on its way, then Enter, opens the first hit of the new answer', async ({ page, harness }) => {
  test.setTimeout(90_000)
  await startWithDemo(page, harness.url)
  await mainNav(page).getByRole('link', { name: 'Search' }).click()
  const box = page.getByRole('searchbox', { name: /Search letters, passages/ })
  await page.getByRole('checkbox', { name: 'Passages' }).uncheck()
  await page.getByRole('checkbox', { name: 'Recommendations' }).uncheck()
  await page.getByRole('checkbox', { name: 'Narratives' }).uncheck()
  await box.fill('ballot')
  await box.press('Enter')
  const results = page.getByRole('listbox', { name: 'Search results' })
  await expect(results.getByRole('option').first()).toBeVisible()

  // The next answer is held back a moment, as on a slow machine.
  await page.route('**/rpc', async (route) => {
    if (route.request().postData()?.includes('"harassment"')) await new Promise((resolve) => setTimeout(resolve, 1_500))
    await route.continue()
  })
  await box.fill('harassment')
  await box.press('Enter')
  await box.press('ArrowDown')
  await expect(results).toBeFocused()
  await expect(results.locator('mark').first()).toHaveText(/^harassment$/i)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/letters\/\d+\?q=harassment$/)
})

test('a query with no words to search for says so, and the count is always the list’s', async ({ page, harness }) => {
  test.setTimeout(90_000)
  await startWithDemo(page, harness.url)
  await mainNav(page).getByRole('link', { name: 'Search' }).click()
  const box = page.getByRole('searchbox', { name: /Search letters, passages/ })
  const heading = page.locator('#results-title')
  const results = page.getByRole('listbox', { name: 'Search results' })

  for (const query of ['*', '(']) {
    await box.fill(query)
    await expect(page.getByRole('status').filter({ hasText: `“${query}” has no words to search for; type a word` })).toBeVisible()
    await expect(heading).toHaveText('No results')
    await expect(results).toHaveCount(0)
  }
  await box.fill('-draft')
  await expect(page.getByRole('status').filter({ hasText: '“-draft” only says which words to leave out; add a word to look for, such as “conduct -draft”.' })).toBeVisible()
  await expect(heading).toHaveText('No results')

  // With a filter the letters it chooses are listed, under the notice: as many as the count says.
  await box.fill('*')
  const from = page.getByRole('textbox', { name: 'From', exact: true })
  await from.fill('01/01/2021')
  await from.press('Tab')
  await expect(page.getByRole('status').filter({ hasText: 'Meanwhile the letters are listed by the filters alone.' })).toBeVisible()
  await expect(heading).toHaveText(/^\d+ results?$/)
  const count = Number(/^(\d+)/.exec((await heading.textContent()) ?? '')?.[1])
  expect(count).toBeGreaterThan(0)
  await expect(results.getByRole('option').first()).toHaveAttribute('aria-setsize', String(count))
  await expect(results.getByRole('option').first()).toBeVisible()
  await shoot(page, 'search-no-words-with-filter')

  // A date that is not one is said where it was typed.
  await from.fill('31/13/2021')
  await from.press('Tab')
  await expect(page.getByText('31/13/2021 is not a real date; enter day/month/year, such as 27/03/2022.')).toBeVisible()
})
