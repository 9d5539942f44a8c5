// Importing letters through the file input: results per file, including a duplicate.
import { test, expect } from './fixtures'

const letter = (subject: string) =>
  Buffer.from(
    [
      'Cabinet Office',
      '70 Whitehall, London SW1A 2AS',
      '',
      '4 March 2021',
      '',
      'Dear Chair,',
      '',
      `Re: ${subject}`,
      '',
      'Thank you for your letter. We have now published our response to the consultation and will legislate when parliamentary time allows.',
      '',
      'Yours sincerely,',
      '',
      'Alex Example',
    ].join('\n'),
  )

test('importing two files reports each one, and a second copy as a duplicate', async ({ page, harness }) => {
  await page.goto(harness.url)
  await page.getByRole('button', { name: 'Start empty' }).click()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Letters' }).click()
  await expect(page.getByText('No letters yet. Import letters or load the demonstration data.')).toBeVisible()

  const original = letter('Digital imprints – an update')
  await page.getByLabel('Letter files to import').setInputFiles([
    { name: 'imprints-update.txt', mimeType: 'text/plain', buffer: original },
    { name: 'imprints-update-copy.txt', mimeType: 'text/plain', buffer: original },
  ])

  const panel = page.locator('[data-import-panel]')
  await expect(panel.getByRole('status')).toContainText('2 files: 1 imported, 1 already in Progress Desk.')
  const results = panel.getByRole('list', { name: 'Files imported' })
  await expect(results.getByRole('listitem').filter({ hasText: 'imprints-update.txt' })).toContainText('Imported')
  await expect(results.getByRole('listitem').filter({ hasText: 'imprints-update-copy.txt' })).toContainText('Duplicate')

  const list = page.getByRole('listbox', { name: 'Letters' })
  await expect(list.getByRole('option')).toHaveCount(1)
  await expect(list.getByRole('option').first()).toContainText('Digital imprints – an update')

  // A file that is not a letter fails alone, with the core's explanation.
  await page.getByLabel('Letter files to import').setInputFiles([
    { name: 'second.txt', mimeType: 'text/plain', buffer: letter('Candidate safety guidance') },
    { name: 'picture.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]) },
  ])
  await expect(panel.getByRole('status')).toContainText('2 files: 1 imported, 1 could not be imported.')
  const second = panel.getByRole('list', { name: 'Files imported' })
  await expect(second.getByRole('listitem').filter({ hasText: 'second.txt' })).toContainText('Imported')
  await expect(second.getByRole('listitem').filter({ hasText: 'picture.txt' })).toContainText('Failed:')
  await expect(list.getByRole('option')).toHaveCount(2)
  await page.screenshot({ path: 'test-results/screenshots/letters-import.png' })
})
