// No lost updates while editing (issue 14, item 4): a colleague's save arriving by live refresh
// refills an untouched assessment editor silently, but leaves typed, unsaved text alone with the
// version it was opened at, says who changed it, and the save then sets both texts side by side.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { mainNav, openRecommendation, startWithDemo } from './review-helpers'

/** Calls the core through the harness as Priya Shah (as her desktop would), on the 2021 review. */
async function asPriya(page: Page, method: string, input: Record<string, unknown>) {
  const outcome = await page.evaluate(
    async ({ method, input }) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="progress-desk-token"]')!.content
      const call = async (name: string, args: unknown) => {
        const response = await fetch('/rpc', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-progress-desk-token': token },
          body: JSON.stringify({ method: name, input: args, as: 'Priya Shah' }),
        })
        return (await response.json()) as { ok: boolean; value?: { id: number } }
      }
      const cycle = await call('cycles.find', { name: '2021 progress review' })
      return call(method, { ...input, cycleId: cycle.value!.id })
    },
    { method, input },
  )
  expect(outcome.ok).toBe(true)
}

const priyaSaves = (page: Page, id: number, narrative: string) => asPriya(page, 'assessments.set', { recommendationId: id, status: 'Rejected', narrative })

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

test('a framing paragraph being typed survives a colleague’s save of it; leaving the field shows both', async ({ page, harness }) => {
  test.setTimeout(120_000)
  await startWithDemo(page, harness.url)
  await mainNav(page).getByRole('link', { name: 'Cycles & report' }).click()
  await page.getByRole('link', { name: 'Progress summary' }).click()
  const field = page.getByRole('group', { name: /Opening of each section/ }).getByRole('textbox').first()
  await expect(field).toBeVisible()
  const groupId = Number((await field.getAttribute('id'))!.replace('preamble-', ''))

  await field.fill('We found, as I am still writing,')
  await asPriya(page, 'summary.setPreamble', { groupId, text: 'Priya’s opening.' })
  await expect(page.getByTestId('changed-underneath')).toContainText('Changed by Priya Shah at ')
  await expect(field).toHaveValue('We found, as I am still writing,')

  await field.blur()
  const conflict = page.getByTestId('conflict-view')
  await expect(conflict.getByRole('alert')).toContainText('Priya Shah changed')
  await expect(conflict.getByLabel('Your framing paragraph (not saved)')).toHaveValue('We found, as I am still writing,')
  await expect(conflict.getByLabel('Priya Shah’s framing paragraph', { exact: false })).toHaveValue('Priya’s opening.')
  await conflict.getByRole('button', { name: 'Use theirs' }).click()
  await expect(field).toHaveValue('Priya’s opening.')
  await expect(page.getByTestId('changed-underneath')).toHaveCount(0)
})
