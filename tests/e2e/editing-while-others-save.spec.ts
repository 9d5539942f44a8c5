// No lost updates while editing (issue 14, item 4): a colleague's save arriving by live refresh
// refills an untouched assessment editor silently, but leaves typed, unsaved text alone with the
// version it was opened at, says who changed it, and the save then sets both texts side by side.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { openRecommendation, startWithDemo } from './review-helpers'

/** Saves recommendation `id`'s assessment for the 2021 review as Priya Shah, through the harness (as another desktop would). */
async function priyaSaves(page: Page, id: number, narrative: string) {
  const outcome = await page.evaluate(
    async ({ id, narrative }) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="progress-desk-token"]')!.content
      const call = async (method: string, input: unknown) => {
        const response = await fetch('/rpc', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-progress-desk-token': token },
          body: JSON.stringify({ method, input, as: 'Priya Shah' }),
        })
        return (await response.json()) as { ok: boolean; value?: { id: number } }
      }
      const cycle = await call('cycles.find', { name: '2021 progress review' })
      return call('assessments.set', { recommendationId: id, cycleId: cycle.value!.id, status: 'Rejected', narrative })
    },
    { id, narrative },
  )
  expect(outcome.ok).toBe(true)
}

test('typed text and its version survive a colleague’s save; saving shows both side by side', async ({ page, harness }) => {
  test.setTimeout(120_000)
  await startWithDemo(page, harness.url)
  await openRecommendation(page, '1')
  const id = Number(/\/recommendations\/(\d+)/.exec(page.url())![1])
  const narrative = page.getByLabel('Narrative')
  const notice = page.getByTestId('changed-underneath')

  // Nothing typed yet: the colleague's save simply shows.
  await priyaSaves(page, id, 'Priya’s first account.')
  await expect(narrative).toHaveValue('Priya’s first account.')
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('Rejected')
  await expect(notice).toHaveCount(0)

  // Typing, then another save from Priya: the typed text stays and the notice names her.
  await narrative.fill('My account, not saved yet.')
  await priyaSaves(page, id, 'Priya’s second account.')
  await expect(notice).toContainText(/Changed by Priya Shah at \d\d:\d\d on \d{1,2} \w+ \d{4} while you were editing\./)
  await expect(narrative).toHaveValue('My account, not saved yet.')

  // The save is made from the version opened, so it is refused and both texts are set side by side.
  await page.getByRole('button', { name: 'Save assessment' }).click()
  const conflict = page.getByTestId('conflict-view')
  await expect(conflict).toBeVisible()
  await expect(conflict.getByRole('alert')).toContainText('Priya Shah changed this assessment')
  await expect(conflict.getByLabel('Your assessment (not saved)')).toHaveValue(/My account, not saved yet\./)
  await expect(conflict.getByLabel('Priya Shah’s assessment', { exact: false })).toHaveValue(/Priya’s second account\./)
  await conflict.screenshot({ path: '/work/notes/screens/conflict.png' })

  // Keeping mine saves over hers, knowingly; the editor then holds the saved text, unchanged.
  await conflict.getByRole('button', { name: 'Keep mine' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Assessment saved for the 2021 progress review.' })).toBeVisible()
  await expect(conflict).toHaveCount(0)
  await expect(narrative).toHaveValue('My account, not saved yet.')
  await expect(notice).toHaveCount(0)
})
