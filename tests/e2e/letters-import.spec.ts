// Importing letters: dropped anywhere on the window (with the overlay), a folder, a long import
// with its progress and Cancel, and a near-duplicate compared and merged.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { shoot, textLetter } from './letters-helpers'

// The build machines are shared: leave room for a slow start of the harness.
test.describe.configure({ timeout: 120_000 })

/** "Start empty", then the inbox (starting empty first offers to set up the report). */
async function startEmpty(page: Page, url: string) {
  await page.goto(url)
  await page.getByRole('button', { name: 'Start empty' }).click()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Letters' }).click()
  await expect(page.getByText('No letters yet.')).toBeVisible()
}

const letter = (n: number) =>
  textLetter([
    'Electoral Commission',
    '3 Bunhill Row, London EC1Y 8YZ',
    '',
    `${(n % 27) + 1} March 2022`,
    '',
    'Dear Chair,',
    '',
    `Re: Guidance for candidates, note ${n}`,
    '',
    `This is note number ${n} in a series of short updates about our guidance for candidates and agents at the May elections.`,
    '',
    'Yours sincerely,',
    '',
    'Sam Example',
  ]).toString('utf8')

test('files dropped on the window are imported, with an overlay while they are dragged', async ({ page, harness }) => {
  await startEmpty(page, harness.url)

  // Dragging over any page shows the overlay; dropping there imports and shows the inbox.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisations' }).click()
  const payload = [
    { name: 'dropped-one.txt', text: letter(1) },
    { name: 'dropped-two.txt', text: letter(2) },
  ]
  await page.evaluate((files) => {
    const data = new DataTransfer()
    for (const file of files) data.items.add(new File([file.text], file.name, { type: 'text/plain' }))
    ;(window as unknown as { __drop: DataTransfer }).__drop = data
    document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }))
    document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }))
  }, payload)
  const overlay = page.locator('[data-drop-overlay]')
  await expect(overlay).toBeVisible()
  await expect(overlay).toContainText('Drop to import letters')
  await shoot(page, 'letters-drop-overlay')
  const prevented = await page.evaluate(() => {
    const data = (window as unknown as { __drop: DataTransfer }).__drop
    const drop = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true })
    document.body.dispatchEvent(drop)
    return drop.defaultPrevented
  })
  // The window itself never opens the dropped file.
  expect(prevented).toBe(true)
  await expect(overlay).toBeHidden()
  await expect(page).toHaveURL(/#\/letters/)
  const panel = page.locator('[data-import-panel]')
  await expect(panel.getByRole('status')).toContainText('2 files: 2 imported.')
  await expect(page.getByRole('listbox', { name: 'Letters' }).getByRole('option')).toHaveCount(2)
})

test('a long import shows count, file and time, and Cancel leaves the files not yet stored', async ({ page, harness }) => {
  await startEmpty(page, harness.url)

  // The core answers each batch slowly here, as it would with scans to read.
  await page.route('**/rpc', async (route) => {
    if ((route.request().postDataJSON() as { method?: string } | null)?.method === 'letters.import') await new Promise((resolve) => setTimeout(resolve, 1500))
    await route.continue()
  })

  const files = Array.from({ length: 60 }, (_, i) => ({ name: `note-${String(i + 1).padStart(2, '0')}.txt`, mimeType: 'text/plain', buffer: Buffer.from(letter(i + 1)) }))
  await page.getByLabel('Letter files to import').setInputFiles(files)
  const panel = page.locator('[data-import-panel]')
  await expect(panel.getByRole('heading', { name: 'Importing letters' })).toBeVisible()
  await expect(panel.getByRole('status')).toHaveText(/Imported \d+ of 60/)
  await expect(panel.getByRole('progressbar')).toBeVisible()
  await expect(panel).toContainText('Reading note-01.txt and 3 others')
  await expect(panel.getByRole('status')).toHaveText('Imported 4 of 60', { timeout: 15_000 })
  await expect(panel.getByText(/^Time taken: \d+:\d\d$/)).toBeVisible()
  // The window stays usable while it works: the filters still answer.
  await page.getByLabel('Not linked yet').check()
  await expect(page.getByLabel('Not linked yet')).toBeChecked()
  await page.getByLabel('All letters').check()
  await shoot(page, 'letters-import-progress')

  await panel.getByRole('button', { name: 'Cancel' }).click()
  // "Cancelling…" lasts only while the batch in flight finishes, which may be too short to see.
  await expect(panel.getByRole('button', { name: 'Cancelling…' }).or(panel.getByRole('heading', { name: 'Import cancelled' }))).toBeVisible()
  await expect(panel.getByRole('heading', { name: 'Import cancelled' })).toBeVisible({ timeout: 20_000 })
  const summary = (await panel.getByRole('status').first().textContent()) ?? ''
  const imported = Number(/(\d+) imported/.exec(summary)?.[1])
  expect(imported).toBeGreaterThanOrEqual(4)
  expect(imported).toBeLessThan(60)
  expect(summary).toContain(`Import cancelled: ${60 - imported} files were not imported.`)
  // The list is virtual (only the rows in view are drawn): its heading counts every letter.
  await expect(page.getByRole('heading', { name: `${imported} letters` })).toBeVisible()
  await expect(page.getByRole('listbox', { name: 'Letters' }).getByRole('option').first()).toBeVisible()
  await shoot(page, 'letters-import-cancelled')
})

test('letters appear in the list as each batch is stored, while the import runs', async ({ page, harness }) => {
  await startEmpty(page, harness.url)
  // The second batch is held back until the list has been looked at, so the import is still
  // running when the first batch has landed.
  let release!: () => void
  const looked = new Promise<void>((resolve) => (release = resolve))
  let calls = 0
  await page.route('**/rpc', async (route) => {
    if ((route.request().postDataJSON() as { method?: string } | null)?.method === 'letters.import' && ++calls === 2) await looked
    await route.continue()
  })
  const files = Array.from({ length: 15 }, (_, i) => ({ name: `landing-${i + 1}.txt`, mimeType: 'text/plain', buffer: Buffer.from(letter(i + 1)) }))
  await page.getByLabel('Letter files to import').setInputFiles(files)
  const panel = page.locator('[data-import-panel]')
  await expect(page.getByRole('status').filter({ hasText: 'No letters yet: each one appears here as soon as it is stored.' })).toBeVisible()
  await expect(panel.getByRole('status')).toHaveText('Imported 4 of 15', { timeout: 15_000 })
  const list = page.getByRole('listbox', { name: 'Letters' })
  await expect(list.getByRole('option')).toHaveCount(4)
  await expect(page.getByRole('heading', { name: '4 letters' })).toBeVisible()
  await expect(panel.getByRole('heading', { name: 'Importing letters' })).toBeVisible()
  await shoot(page, 'letters-import-landing')
  release()
  await expect(panel.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 30_000 })
  // The list is virtual (only the rows in view are drawn): its heading counts every letter, and
  // the newest letter, stored last, is at the top.
  await expect(page.getByRole('heading', { name: '15 letters' })).toBeVisible()
  await expect(list.getByRole('option').first()).toContainText('note 15')
})

test('Cancel before any file is stored imports none of them, and the summary says so', async ({ page, harness }) => {
  await startEmpty(page, harness.url)
  // The batch is held back until the cancel has reached the core, as a slow upload would be.
  let cancelled!: () => void
  const cancelArrived = new Promise<void>((resolve) => (cancelled = resolve))
  page.on('requestfinished', (request) => {
    if (request.url().endsWith('/rpc') && (request.postDataJSON() as { method?: string } | null)?.method === 'letters.cancelImport') cancelled()
  })
  await page.route('**/rpc', async (route) => {
    if ((route.request().postDataJSON() as { method?: string } | null)?.method === 'letters.import') await cancelArrived
    await route.continue()
  })
  const files = Array.from({ length: 4 }, (_, i) => ({ name: `cancelled-${i + 1}.txt`, mimeType: 'text/plain', buffer: Buffer.from(letter(i + 40)) }))
  await page.getByLabel('Letter files to import').setInputFiles(files)
  const panel = page.locator('[data-import-panel]')
  await expect(panel.getByRole('status')).toHaveText('Imported 0 of 4')
  await panel.getByRole('button', { name: 'Cancel' }).click()
  await expect(panel.getByRole('heading', { name: 'Import cancelled' })).toBeVisible({ timeout: 20_000 })
  await expect(panel.getByRole('status').first()).toContainText('4 files: 0 imported. Import cancelled: 4 files were not imported.')
  await expect(panel.getByRole('listitem').filter({ hasText: 'cancelled-1.txt' })).toContainText('Not imported: the import was cancelled first.')
  await expect(page.getByText('No letters yet. Import letters')).toBeVisible()
  await shoot(page, 'letters-import-cancelled-at-once')
})

test('a folder is imported with its sub-folders, system files left out, paths shown', async ({ page, harness }) => {
  await startEmpty(page, harness.url)
  // A folder chosen in the dialog arrives as files with their paths (webkitRelativePath).
  await page.evaluate((files) => {
    const input = document.querySelector<HTMLInputElement>('input[webkitdirectory]')!
    const data = new DataTransfer()
    for (const file of files) {
      const made = new File([file.text], file.name, { type: 'text/plain' })
      Object.defineProperty(made, 'webkitRelativePath', { value: file.path })
      data.items.add(made)
    }
    input.files = data.files
    input.dispatchEvent(new Event('change', { bubbles: true }))
  }, [
    { name: 'first.txt', path: 'Responses 2022/first.txt', text: letter(11) },
    { name: 'second.txt', path: 'Responses 2022/Police/second.txt', text: letter(12) },
    { name: '.DS_Store', path: 'Responses 2022/.DS_Store', text: 'junk' },
  ])
  const panel = page.locator('[data-import-panel]')
  await expect(panel.getByRole('status')).toContainText('2 files: 2 imported.')
  await expect(panel).toContainText('Left out 1 system file')
  await expect(panel.getByRole('listitem').filter({ hasText: 'Responses 2022/Police/second.txt' })).toContainText('Imported')
})

test('a near-duplicate can be compared side by side and merged into the letter held first', async ({ page, harness }) => {
  await startEmpty(page, harness.url)
  const original = letter(30)
  await page.getByLabel('Letter files to import').setInputFiles([{ name: 'guidance.txt', mimeType: 'text/plain', buffer: Buffer.from(original) }])
  const panel = page.locator('[data-import-panel]')
  await expect(panel.getByRole('status')).toContainText('1 file: 1 imported.')

  // The same letter again, re-typed with a different closing line.
  await page.getByLabel('Letter files to import').setInputFiles([
    { name: 'guidance-resent.txt', mimeType: 'text/plain', buffer: Buffer.from(original.replace('Sam Example', 'Sam Example\nHead of Guidance')) },
  ])
  const item = panel.getByRole('listitem').filter({ hasText: 'guidance-resent.txt' })
  await expect(item).toContainText('Nearly the same as “Guidance for candidates, note 30” (sender not known, 4 March 2022).')
  await item.getByRole('button', { name: /^Compare/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Compare two letters' })
  await expect(dialog.getByRole('region', { name: 'Imported later' })).toContainText('guidance-resent.txt')
  await expect(dialog.getByRole('region', { name: 'Held first' })).toContainText('guidance.txt')
  await shoot(page, 'letters-compare')
  await dialog.getByRole('region', { name: 'Held first' }).getByRole('button', { name: /^Keep this one/ }).click()
  await expect(dialog).toBeHidden()
  await expect(panel.getByRole('status').filter({ hasText: 'Merged the two letters.' })).toBeVisible()
  await expect(item).toContainText('Merged.')
  await expect(page.getByRole('listbox', { name: 'Letters' }).getByRole('option')).toHaveCount(1)
})
