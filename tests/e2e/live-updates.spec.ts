// The lists follow the core's change events: a letter imported by someone else (another window on
// the same core) appears in this window's list without a reload or a click.
import { test, expect } from './fixtures'

test('a letter imported elsewhere appears in the open list by itself', async ({ page, context, harness }) => {
  await page.goto(harness.url)
  await page.getByRole('button', { name: 'Start empty' }).click()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Letters' }).click()
  await expect(page.getByText('No letters yet.')).toBeVisible()

  // A second window (a colleague) imports a letter through the contract, as its own store would.
  const other = await context.newPage()
  await other.goto(harness.url)
  const letter = ['Electoral Commission', '', '4 March 2022', '', 'Dear Chair,', '', 'Re: Imprints on campaign material', '', 'We have published new guidance on digital imprints.', '', 'Yours sincerely,', 'Sam Example'].join('\n')
  const outcome = await other.evaluate(async (text) => {
    const token = document.querySelector<HTMLMetaElement>('meta[name="progress-desk-token"]')!.content
    const dataBase64 = btoa(text)
    const response = await fetch('/rpc', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-progress-desk-token': token },
      body: JSON.stringify({ method: 'letters.import', input: { files: [{ name: 'imprints.txt', dataBase64 }] } }),
    })
    return (await response.json()) as { ok: boolean }
  }, letter)
  expect(outcome.ok).toBe(true)

  // This window did nothing: the list refreshes from the change event alone.
  await expect(page.getByRole('listbox').getByText('Imprints on campaign material')).toBeVisible()
  await expect(page.getByText('No letters yet.')).toHaveCount(0)
})
