// Organisations (issue 4): who has replied this cycle, the chase list as a filter of the register,
// and commitments found in letters: track, mark met, and reopen.
import { test, expect } from './fixtures'
import { mainNav, startWithDemo } from './review-helpers'

test('the chase list is a filter of the register, with overdue replies flagged', async ({ page, harness }) => {
  test.setTimeout(90_000)
  await startWithDemo(page, harness.url)
  await mainNav(page).getByRole('link', { name: 'Organisations' }).click()
  await expect(page.getByText('Every addressee has replied in the 2021 progress review.')).toBeVisible()
  const ipso = page.getByRole('row', { name: /Independent Press Standards Organisation/ })
  await expect(ipso).toContainText('Replied')

  await page.getByLabel('Reporting cycle').selectOption({ label: '2019 progress review' })
  await expect(page.getByText(/\d+ organisations have not replied in the 2019 progress review; \d+ overdue\./)).toBeVisible()
  await page.getByLabel('Only those still to reply (chase list)').check()
  const rows = page.locator('tbody tr')
  await expect(rows.first()).toBeVisible()
  for (const row of await rows.all()) await expect(row).toContainText(/Overdue|Awaiting reply/)

  // From the dashboard: the chase figure of a group opens this filter for that group.
  await mainNav(page).getByRole('link', { name: 'Cycles & report' }).click()
  const government = page.getByRole('table', { name: /Stakeholder groups in the 2019 progress review/ }).getByRole('row', { name: /^Government/ })
  await government.getByRole('link', { name: /in Government to chase for a reply/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Organisations' })).toBeVisible()
  await expect(page.getByLabel('Only those still to reply (chase list)')).toBeChecked()
  await expect(page.getByLabel('Stakeholder group')).toHaveValue('Government')
  await expect(page.getByRole('heading', { level: 2, name: /^Government/ })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(1)
})

test('a promise found in a letter is tracked, marked met and reopened', async ({ page, harness }) => {
  test.setTimeout(90_000)
  await startWithDemo(page, harness.url)
  await mainNav(page).getByRole('link', { name: 'Organisations' }).click()
  await page.getByRole('link', { name: /^Commitments/ }).click()
  await expect(page).toHaveTitle('Commitments – Progress Desk')
  await expect(page.getByText('No open commitments.')).toBeVisible()

  const offers = page.getByRole('region', { name: /Found in letters/ })
  const track = offers.getByRole('button', { name: /^Track the promise from Home Office/ })
  await track.click()
  await expect(page.getByRole('status').filter({ hasText: 'Now tracking the promise from Home Office' })).toBeVisible()

  const tracked = page.getByRole('table', { name: 'Tracked commitments, soonest due first' })
  const row = tracked.getByRole('row').filter({ hasText: 'Home Office' })
  await expect(row).toContainText('31 May 2021')
  await expect(row.locator('.flag-tag')).toHaveText('Overdue')
  await row.getByRole('button', { name: 'Mark met: the promise from Home Office' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'The promise from Home Office was marked as met.' })).toBeVisible()
  await expect(tracked).toBeHidden()

  await page.getByLabel('Show').selectOption('met')
  const met = page.getByRole('table', { name: 'Tracked commitments, soonest due first' }).getByRole('row').filter({ hasText: 'Home Office' })
  await expect(met).toContainText('Met')
  await met.getByRole('button', { name: 'Reopen the promise from Home Office' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'The promise from Home Office was reopened.' })).toBeVisible()

  // Dismissing an offer removes it for good.
  const dismiss = offers.getByRole('button', { name: /^Dismiss the sentence from/ }).first()
  const label = (await dismiss.getAttribute('aria-label')) ?? ''
  const before = await offers.getByRole('button', { name: label }).count()
  await dismiss.click()
  await expect(page.getByRole('status').filter({ hasText: /will not be offered again/ })).toBeVisible()
  await expect(offers.getByRole('button', { name: label })).toHaveCount(before - 1)
})
