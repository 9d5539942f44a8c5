// Recommendation detail (issue 4): status, narrative with paragraphs and emphasis, evidence chosen
// from the linked passages with the no-evidence warning, the redline between cycles, unlinked
// passages that may be about it, and its history with before → after.
import { test, expect } from './fixtures'
import { openRecommendation, startWithDemo } from './review-helpers'

test('status, narrative and chosen evidence save; the warning follows the evidence; the history shows before → after', async ({ page, harness }) => {
  test.setTimeout(90_000)
  await startWithDemo(page, harness.url)
  await openRecommendation(page, '1')

  await page.getByLabel('Status', { exact: true }).selectOption('Implemented')
  const narrative = page.getByLabel('Narrative')
  await narrative.fill('The Government has legislated for the sanction.\n\nWe welcome this.')
  // Emphasis from the keyboard: select a word and press Ctrl+I.
  await narrative.evaluate((el: HTMLTextAreaElement) => {
    const start = el.value.indexOf('welcome')
    el.setSelectionRange(start, start + 'welcome'.length)
  })
  await page.keyboard.press('Control+I')
  await expect(narrative).toHaveValue('The Government has legislated for the sanction.\n\nWe *welcome* this.')
  await page.getByText(/^Preview \(2 paragraphs\)/).click()
  await expect(page.locator('.preview em')).toHaveText('welcome')

  // Evidence: only an earlier cycle's letter → the warning; add this cycle's → it goes.
  const picker = page.getByRole('group', { name: 'Evidence for this status' })
  for (const box of await picker.getByRole('checkbox').all()) await box.uncheck()
  await expect(page.getByText('No evidence from this cycle.')).toBeVisible()
  await picker.getByRole('checkbox', { name: /Cabinet Office, 11 February 2019/ }).check()
  await expect(page.getByText('No evidence from this cycle.')).toBeVisible()
  await picker.getByRole('checkbox', { name: /Cabinet Office, 21 June 2021/ }).check()
  await expect(page.getByText('No evidence from this cycle.')).toBeHidden()

  await page.getByRole('button', { name: 'Save assessment' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Assessment saved for the 2021 progress review.' })).toBeVisible()

  await page.reload()
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('Implemented')
  await expect(page.getByLabel('Narrative')).toHaveValue('The Government has legislated for the sanction.\n\nWe *welcome* this.')
  const after = page.getByRole('group', { name: 'Evidence for this status' })
  await expect(after.getByText('Chosen by hand.')).toBeVisible()
  await expect(after.getByRole('checkbox', { checked: true })).toHaveCount(2)
  await expect(after.getByRole('checkbox', { name: /Cabinet Office, 21 June 2021/ })).toBeChecked()

  // The item's history: who, when, before → after.
  const history = page.getByRole('region', { name: 'History of this recommendation' })
  const latest = history.getByRole('listitem').first()
  await expect(latest).toContainText('Assessed recommendation: Implemented')
  await expect(latest).toContainText('secretariat')
  await expect(latest.getByRole('definition').filter({ hasText: 'In progress' })).toContainText('Implemented')
  await expect(latest).toContainText('2 links chosen')
  await latest.getByRole('button', { name: 'Show the changes' }).click()
  await expect(latest.locator('ins').first()).toBeVisible()
})

test('cycle by cycle shows the status move and a word-level redline of the narrative', async ({ page, harness }) => {
  test.setTimeout(90_000)
  await startWithDemo(page, harness.url)
  await openRecommendation(page, '1')
  const cycles = page.getByRole('region', { name: 'Cycle by cycle' })
  await expect(cycles.getByRole('heading', { name: '2021 progress review' })).toBeVisible()
  await expect(cycles.getByRole('heading', { name: '2019 progress review' })).toBeVisible()
  await cycles.getByRole('button', { name: 'Show the changes from the 2019 progress review' }).click()
  const redline = cycles.locator('.redline')
  await expect(redline.locator('del').first()).toBeVisible()
  await expect(redline.locator('ins').first()).toBeVisible()
  await expect(redline).toContainText('[added:')
  await expect(redline.locator('ins').first()).toContainText('In 2018 the Government')
})

test('unlinked passages that may be about it can be linked or turned down', async ({ page, harness }) => {
  test.setTimeout(90_000)
  await startWithDemo(page, harness.url)
  await openRecommendation(page, '1')
  const suggestions = page.getByRole('region', { name: 'Unlinked passages that may be about this' })
  const links = page.getByRole('region', { name: /Linked letters/ })
  await expect(suggestions.getByRole('button', { name: 'Link' , exact: false }).first()).toBeVisible()
  const before = await links.getByRole('listitem').count()

  const firstLink = suggestions.getByRole('button', { name: /^Link the passage from/ }).first()
  const label = (await firstLink.getAttribute('aria-label')) ?? ''
  await firstLink.click()
  await expect(page.getByRole('status').filter({ hasText: /Linked the passage from .* to recommendation 1\./ })).toBeVisible()
  await expect(links.getByRole('listitem')).toHaveCount(before + 1)
  await expect(suggestions.getByRole('button', { name: label })).toHaveCount(0)

  const reject = suggestions.getByRole('button', { name: /is not about this$/ }).first()
  const rejected = (await reject.getAttribute('aria-label')) ?? ''
  await reject.click()
  await expect(page.getByRole('status').filter({ hasText: /will not be suggested for recommendation 1 again/ })).toBeVisible()
  await expect(suggestions.getByRole('button', { name: rejected })).toHaveCount(0)
})
