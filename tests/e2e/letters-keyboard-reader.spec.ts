// The reader from the keyboard alone, in a window 1 024 × 768 (side by side with Word): the letter's
// text comes first and flows (hard-wrapped lines joined), nothing scrolls sideways, a passage is
// selected with the caret keys and linked with L, and A on a suggestion moves the focus to the
// next one. Not one mouse event: every step is a key press or a focus moved by the test.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { reader, textLetter } from './letters-helpers'

const SCREENS = '/work/notes/screens'

// A police force's letter as a PDF gives it: lines broken at about 72 characters.
const policeLetter = textLetter([
  'Northshire Police',
  'Police Headquarters, Northshire NS1 1AA',
  '',
  '14 March 2023',
  '',
  'Dear Chair,',
  '',
  'Every police force in the region has now named an officer as a single point of',
  'contact for candidates during election periods. We have written to each',
  'candidate with the name and telephone number of that officer.',
  '',
  'Our officers have also been trained to recognise and respond consistently to',
  'the intimidation of candidates, with material from the College of Policing on',
  'the offences most often involved in online abuse and threats at the doorstep.',
  '',
  'Yours sincerely,',
  '',
  'Sam Example',
  'Chief Constable',
])

async function pressOn(page: Page, name: string) {
  await page.getByRole('button', { name }).focus()
  await page.keyboard.press('Enter')
}

async function noSidewaysScroll(page: Page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    scrollHeight: document.documentElement.scrollHeight,
    clientHeight: document.documentElement.clientHeight,
  }))
}

test('keyboard only at 1 024 × 768: select a passage, link it with L, accept a suggestion with A', async ({ page, harness }) => {
  test.setTimeout(180_000)
  await page.setViewportSize({ width: 1024, height: 768 })
  await page.goto(harness.url)
  await page.evaluate(() => {
    ;(window as unknown as { mouseEvents: number }).mouseEvents = 0
    for (const type of ['mousedown', 'mouseup', 'pointerdown']) document.addEventListener(type, () => (window as unknown as { mouseEvents: number }).mouseEvents++, true)
  })
  await pressOn(page, 'Load demonstration data')
  const list = page.getByRole('listbox', { name: 'Letters' })
  await expect(list).toBeVisible({ timeout: 30_000 })
  await page.getByLabel('Letter files to import').setInputFiles([{ name: 'northshire-police.txt', mimeType: 'text/plain', buffer: policeLetter }])
  await expect(page.locator('[data-import-panel]').getByRole('status')).toContainText('1 file: 1 imported.')

  // The newest letter is the one just imported: Home, Enter.
  await expect(list.getByRole('option').first()).toContainText('northshire-police.txt')
  await list.focus()
  await page.keyboard.press('Home')
  await page.keyboard.press('Enter')
  const pane = reader(page)
  await expect(pane.getByRole('heading', { level: 2 })).toBeVisible()
  const text = pane.getByRole('document', { name: 'Letter text' })
  await expect(text).toContainText('single point of contact')

  // The text comes first, within the first screen; nothing is cut off or scrolls sideways.
  const box = (await text.boundingBox())!
  expect(box.y, 'the letter text starts in the first screen').toBeLessThan(768 - 100)
  const open = (await pane.getByRole('button', { name: 'Open original' }).boundingBox())!
  const paneBox = (await pane.boundingBox())!
  expect(open.x + open.width, '“Open original” is not clipped').toBeLessThanOrEqual(paneBox.x + paneBox.width)
  let size = await noSidewaysScroll(page)
  expect(size.scrollWidth).toBeLessThanOrEqual(size.clientWidth)
  // Hard-wrapped lines flow: the first paragraph is one run of text, without its line breaks.
  await expect(text.locator('p').filter({ hasText: 'Every police force' })).toHaveJSProperty(
    'innerText',
    'Every police force in the region has now named an officer as a single point of contact for candidates during election periods. We have written to each candidate with the name and telephone number of that officer.',
  )
  await page.screenshot({ path: `${SCREENS}/reader-1024x768.png` })

  // Select with the keyboard: the caret starts at the first words; ↓ to the next line (the first
  // line of the body), Shift+Ctrl+→ takes words, S the whole sentence.
  await text.focus()
  await expect(pane.locator('.caret')).toBeVisible()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Shift+Control+ArrowRight')
  await page.keyboard.press('Shift+Control+ArrowRight')
  const bar = pane.getByRole('toolbar', { name: 'Selected text' })
  await expect(bar).toBeVisible()
  expect((await page.evaluate(() => document.getSelection()?.toString() ?? '')).trim()).toMatch(/^\S+\s+\S+$/)
  await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('Escape')
  await expect(bar).toBeHidden()
  await page.keyboard.press('s')
  await expect(bar).toBeVisible()
  const sentence = 'Every police force in the region has now named an officer as a single point of contact for candidates during election periods.'
  expect((await page.evaluate(() => document.getSelection()?.toString() ?? '')).replace(/\s+/g, ' ')).toBe(sentence)
  await page.screenshot({ path: `${SCREENS}/reader-1024x768-selected.png` })

  // L opens the picker at the selection; it fits in the window. A number, Enter to choose, a
  // note, Enter to link: back in the text, just after the linked passage.
  await page.keyboard.press('l')
  const picker = pane.getByRole('dialog', { name: 'Link the selection' })
  await expect(picker.getByRole('combobox', { name: 'Recommendation' })).toBeFocused()
  await expect(picker.locator('.panel-quote')).toHaveText(sentence)
  await page.keyboard.type('19')
  await expect(picker.getByRole('option').first()).toContainText('Named police contact at elections')
  const pickerBox = (await picker.boundingBox())!
  expect(pickerBox.y + pickerBox.height, 'the picker is not cut off at the bottom').toBeLessThanOrEqual(768)
  await page.keyboard.press('Enter')
  const note = picker.getByLabel('Note (optional)')
  await expect(note).toBeFocused()
  await expect(picker).toContainText('Chosen: 19. Named police contact at elections')
  await page.screenshot({ path: `${SCREENS}/reader-1024x768-picker.png` })
  await page.keyboard.type('Every force, not just some')
  await page.keyboard.press('Enter')
  await expect(picker).toBeHidden()
  await expect(text).toBeFocused()
  await expect(pane.locator('mark.hl').filter({ hasText: 'single point of' })).toBeVisible()
  await expect(pane.getByRole('button', { name: 'Passage linked to recommendation 19: show its links' })).toBeVisible()
  await expect(pane.getByRole('button', { name: 'Remove the link from this passage to recommendation 19' })).toBeVisible()
  await expect(pane.getByText('Note: Every force, not just some')).toBeVisible()
  size = await noSidewaysScroll(page)
  expect(size.scrollWidth, 'no sideways scroll after linking').toBeLessThanOrEqual(size.clientWidth)
  expect(size.scrollHeight, 'the window itself never scrolls (hidden text kept inside its pane)').toBeLessThanOrEqual(size.clientHeight)

  // Suggestions: A accepts the focused one and the focus moves to the next.
  await pressOn(page, 'Links (1) and suggestions')
  await expect(pane.getByRole('heading', { name: 'Linked recommendations' })).toBeFocused()
  const suggestions = pane.getByRole('region', { name: 'Suggestions' }).getByRole('listitem')
  await expect(suggestions.first()).toBeVisible()
  await suggestions.first().focus()
  const accepted = (await suggestions.first().getAttribute('aria-label'))!
  const number = /recommendation (\w+),/.exec(accepted)![1]!
  expect(await suggestions.count(), 'a next suggestion to move to').toBeGreaterThan(1)
  await page.keyboard.press('a')
  await expect(pane.getByRole('button', { name: `Passage linked to recommendation ${number}: show its links` })).toBeVisible()
  const focused = page.locator('[data-suggestion]:focus')
  await expect(focused).toHaveCount(1)
  await expect(focused).not.toHaveAttribute('aria-label', accepted)
  await expect(pane.locator(`[data-suggestion][aria-label="${accepted}"]`)).toHaveCount(0)

  expect(await page.evaluate(() => (window as unknown as { mouseEvents: number }).mouseEvents), 'no mouse events').toBe(0)

  // The same letter with room to spare: the links and suggestions beside the text.
  await page.setViewportSize({ width: 1440, height: 900 })
  await pane.evaluate((element) => element.scrollTo(0, 0))
  const wide = { text: (await text.boundingBox())!, side: (await pane.getByRole('complementary', { name: 'Links and suggestions' }).boundingBox())! }
  expect(wide.side.x, 'links and suggestions beside the text').toBeGreaterThan(wide.text.x + wide.text.width)
  size = await noSidewaysScroll(page)
  expect(size.scrollWidth).toBeLessThanOrEqual(size.clientWidth)
  await page.screenshot({ path: `${SCREENS}/reader-1440x900.png` })
})
