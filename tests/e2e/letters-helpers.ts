// Shared steps for the Letters specs: letters made in the test, selecting words in the reading
// pane as a person would with the mouse, and screenshots people look at.
import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures'

export const SHOTS = 'test-results/screenshots'

export async function shoot(page: Page, name: string) {
  await page.evaluate('document.fonts.ready')
  await page.screenshot({ path: `${SHOTS}/${name}.png` })
}

export function textLetter(lines: string[]): Buffer {
  return Buffer.from(lines.join('\n'))
}

/** An e-mail as Outlook or Thunderbird would save it (.eml), plain text body. */
export function emlLetter(headers: { from: string; to: string; subject: string; date: string }, body: string[]): Buffer {
  return Buffer.from(
    [
      `From: ${headers.from}`,
      `To: ${headers.to}`,
      `Subject: ${headers.subject}`,
      `Date: ${headers.date}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      ...body,
    ].join('\r\n'),
  )
}

export async function loadDemo(page: Page, url: string) {
  await page.goto(url)
  await page.getByRole('button', { name: 'Load demonstration data' }).click()
  const list = page.getByRole('listbox', { name: 'Letters' })
  await expect(list).toBeVisible({ timeout: 30_000 })
  return list
}

/** Selects `words` in the open letter's text and lets go of the mouse, as a person selecting would. */
export async function selectInLetter(page: Page, words: string) {
  const found = await page.evaluate((wanted) => {
    const root = document.querySelector('[data-letter-text]')
    if (!root) return false
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1
      if (at === -1) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + wanted.length)
      const selection = document.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
      root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
      return true
    }
    return false
  }, words)
  expect(found, `“${words}” is in the letter`).toBe(true)
}

export function reader(page: Page): Locator {
  return page.getByRole('region', { name: 'Reading pane' })
}

/** The two letters of a secretariat morning (letters-morning.spec.ts, scripts/screenshots.ts). */
export const cabinetOffice = textLetter([
  'Cabinet Office',
  '70 Whitehall, London SW1A 2AS',
  '',
  '3rd February 2022',
  '',
  'Dear Chair,',
  '',
  'Re: Digital imprints and candidate addresses',
  '',
  'Thank you for your letter about the recommendations in your report on intimidation in public life.',
  '',
  'The new digital imprints regime comes into force in November. Anyone publishing electronic election material, such as posts on social media, will have to show an imprint saying who published it and on whose behalf, as printed material already must.',
  '',
  'Candidates at local elections no longer have their home addresses printed on the ballot paper, and we have asked returning officers to remind candidates of this choice.',
  '',
  'Yours sincerely,',
  '',
  'Alex Example',
  'Director, Elections',
])

export const trustEmail = emlLetter(
  {
    from: 'Priya Shah <priya.shah@fairelections-trust.org.uk>',
    to: 'Committee secretariat <secretariat@public-standards.example>',
    subject: 'Our work on candidate safety',
    date: 'Tue, 8 Feb 2022 09:14:00 +0000',
  },
  [
    'Dear Secretariat,',
    '',
    'The Fair Elections Trust has published new guidance for candidates on staying safe online and at the doorstep.',
    '',
    'Best wishes,',
    'Priya Shah',
    'Fair Elections Trust',
  ],
)
