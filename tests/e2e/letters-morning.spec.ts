// A secretariat morning in the Letters inbox: two letters arrive (a Word-less plain text letter
// and an e-mail), the senders are confirmed or added to the register, a suggestion is accepted
// with A, a passage is highlighted and linked with L, and Ctrl+Z takes the last link back.
import { test, expect } from './fixtures'
import { cabinetOffice, loadDemo, reader, selectInLetter, shoot, trustEmail } from './letters-helpers'

test('a secretariat morning: import, confirm, accept with A, link with L, undo with Ctrl+Z', async ({ page, harness }) => {
  test.setTimeout(180_000)
  const list = await loadDemo(page, harness.url)

  // Two letters arrive: a plain text letter and an e-mail.
  await page.getByLabel('Letter files to import').setInputFiles([
    { name: 'cabinet-office-imprints.txt', mimeType: 'text/plain', buffer: cabinetOffice },
    { name: 'fair-elections-trust.eml', mimeType: 'message/rfc822', buffer: trustEmail },
  ])
  const panel = page.locator('[data-import-panel]')
  await expect(panel.getByRole('status')).toContainText('2 files: 2 imported.')
  const files = panel.getByRole('list', { name: 'Files imported' })
  await expect(files.getByRole('listitem').filter({ hasText: 'cabinet-office-imprints.txt' })).toContainText('Imported: Cabinet Office, 3 February 2022')
  await expect(files.getByRole('listitem').filter({ hasText: 'fair-elections-trust.eml' })).toContainText('sender not known, 8 February 2022')

  // The e-mail's sender is not in the register: add it, in its stakeholder group.
  await files.getByRole('listitem').filter({ hasText: 'fair-elections-trust.eml' }).getByRole('link', { name: /^Open/ }).click()
  const pane = reader(page)
  await expect(pane.getByRole('heading', { level: 2, name: 'Our work on candidate safety' })).toBeVisible()
  await expect(pane).toContainText('The sender is not in the register.')
  await pane.getByRole('button', { name: 'New organisation' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a new organisation' })
  await expect(dialog.getByLabel('E-mail domains (optional)')).toHaveValue('fairelections-trust.org.uk')
  await dialog.getByLabel('Name', { exact: true }).fill('Fair Elections Trust')
  await dialog.getByRole('button', { name: 'Add organisation' }).click()
  await expect(dialog.getByText('Choose the group it belongs to.')).toBeVisible()
  await dialog.getByLabel('Stakeholder group').selectOption('Civil society')
  await shoot(page, 'letters-new-sender')
  await dialog.getByRole('button', { name: 'Add organisation' }).click()
  await expect(dialog).toBeHidden()
  // The details strip opens (and stays open for the next letter).
  const details = pane.getByRole('button', { name: 'Details' })
  await expect(details).toHaveAttribute('aria-expanded', 'false')
  await details.click()
  await expect(pane.getByRole('button', { name: 'Hide details' })).toHaveAttribute('aria-expanded', 'true')
  await expect(pane.getByRole('definition').filter({ hasText: 'Fair Elections Trust' }).first()).toContainText('Civil society')
  await expect(pane).not.toContainText('The sender is not in the register.')

  // The Cabinet Office letter: its sender was inferred from the letterhead; confirm it.
  await list.getByRole('option').filter({ hasText: 'Digital imprints and candidate addresses' }).click()
  await expect(pane.getByRole('heading', { level: 2, name: 'Digital imprints and candidate addresses' })).toBeVisible()
  const from = pane.getByRole('definition').filter({ hasText: 'Cabinet Office' }).first()
  await expect(from).toContainText('Inferred')
  await expect(from).toContainText(/confidence \d+%/)
  await from.getByRole('button', { name: 'Confirm from: Cabinet Office' }).click()
  await expect(from).toContainText('Confirmed by')
  await expect(from).not.toContainText('Inferred')

  // Suggestions for the whole letter: accept the first with A.
  const suggestions = pane.getByRole('region', { name: 'Suggestions' })
  const first = suggestions.getByRole('listitem').first()
  await expect(first).toBeVisible()
  const label = (await first.getAttribute('aria-label')) ?? ''
  const number = /recommendation (\w+),/.exec(label)?.[1] ?? ''
  expect(number).not.toBe('')
  await first.focus()
  await shoot(page, 'letters-suggestions')
  await page.keyboard.press('a')
  await expect(pane.getByRole('status').filter({ hasText: `linked the passage to recommendation ${number}.` })).toBeVisible()
  await expect(pane.getByRole('button', { name: new RegExp(`^Passage linked to recommendation ${number}: show its links$`) })).toBeVisible()
  await expect(suggestions.getByRole('listitem').filter({ hasText: new RegExp(`^${number} `) })).toHaveCount(0)

  // Select a passage and link it with L: the combobox takes a number. (Whichever of the two
  // recommendations the letter answers was not the suggestion accepted.)
  const target =
    number === '2'
      ? { number: '3', title: 'Imprints on digital campaign material', words: 'will have to show an imprint saying who published it', marked: 'show an imprint' }
      : { number: '2', title: 'Home addresses off ballot papers', words: 'no longer have their home addresses printed on the ballot paper', marked: 'home addresses printed' }
  await selectInLetter(page, target.words)
  const bar = pane.getByRole('toolbar', { name: 'Selected text' })
  await expect(bar).toBeVisible()
  await expect(bar.getByRole('button', { name: 'Link to recommendation… L' })).toBeVisible()
  await shoot(page, 'letters-selection-bar')
  await page.keyboard.press('l')
  const link = pane.getByRole('dialog', { name: 'Link the selection' })
  const box = link.getByRole('combobox', { name: 'Recommendation' })
  await expect(box).toBeFocused()
  await expect(link.getByRole('option').first()).toBeVisible()
  await box.fill(target.number)
  await expect(link.getByRole('option').first()).toContainText(target.title)
  await shoot(page, 'letters-link-combobox')
  await page.keyboard.press('Enter')
  // Chosen: the note comes next (none here), and Enter links.
  await expect(link.getByLabel('Note (optional)')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(link).toBeHidden()
  const badge = pane.getByRole('button', { name: `Passage linked to recommendation ${target.number}: show its links` })
  await expect(badge).toBeVisible()
  await expect(pane.locator('mark.hl').filter({ hasText: target.marked })).toBeVisible()
  await shoot(page, 'letters-reading')

  // Enter on the badge shows the passage's links; Esc closes and returns to the badge.
  await badge.focus()
  await page.keyboard.press('Enter')
  const popover = pane.getByRole('dialog', { name: 'Highlighted passage' })
  await expect(popover.getByRole('link', { name: `${target.number}. ${target.title}` })).toBeVisible()
  await shoot(page, 'letters-passage-links')
  await page.keyboard.press('Escape')
  await expect(popover).toBeHidden()
  await expect(badge).toBeFocused()

  // Ctrl+Z takes the last link back: the highlight goes, the accepted suggestion stays.
  await pane.focus()
  await page.keyboard.press('Control+z')
  await expect(badge).toBeHidden()
  await expect(pane.getByRole('button', { name: new RegExp(`^Passage linked to recommendation ${number}: show its links$`) })).toBeVisible()
})
