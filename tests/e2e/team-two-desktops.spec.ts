// Two people on one team database (issue 14): two harnesses on the same PostgreSQL database, each
// acting as its own person, each driven by its own browser session. A save made from an opened,
// since-changed assessment is refused and shown side by side with who saved first; a letter
// imported at one desktop appears in the other's list by itself.
import type { Browser, Page } from '@playwright/test'
import { startHarness, type Harness } from '../harness/start-harness'
import { createTeamDatabase, TEST_PG_URL_VARIABLE } from '../harness/team-database'
import { test as base, expect } from './fixtures'
import { shoot, textLetter } from './letters-helpers'
import { mainNav, openRecommendation, startWithDemo } from './review-helpers'

const adminUrl = process.env[TEST_PG_URL_VARIABLE]

interface Desk {
  person: string
  harness: Harness
  page: Page
}

async function openDesk(browser: Browser, databaseUrl: string, person: string): Promise<Desk> {
  const harness = await startHarness({ databasePath: databaseUrl, actor: person })
  const context = await browser.newContext()
  return { person, harness, page: await context.newPage() }
}

const test = base.extend<{ desks: { ann: Desk; ben: Desk } }>({
  desks: async ({ browser }, use) => {
    const database = await createTeamDatabase(adminUrl!)
    const desks: Desk[] = []
    try {
      // One after the other: the first to connect creates the tables.
      desks.push(await openDesk(browser, database.url, 'Ann Smith'))
      desks.push(await openDesk(browser, database.url, 'Ben Jones'))
      await use({ ann: desks[0]!, ben: desks[1]! })
    } finally {
      for (const desk of desks) {
        await desk.page.context().close()
        await desk.harness.stop()
      }
      await database.drop()
    }
  },
})

test.skip(!adminUrl, `needs PostgreSQL: npm test provides one (or set ${TEST_PG_URL_VARIABLE} to a server's postgres database)`)
// Two harnesses, two browsers and the demonstration data on a shared machine: leave room.
test.describe.configure({ timeout: 240_000 })

test('two desktops on one database: a stale save shows the conflict with who saved first; an import appears in the other list', async ({ desks }) => {
  const { ann, ben } = desks

  await test.step('Ann loads the demonstration data; Ben’s desktop opens on the same archive', async () => {
    await startWithDemo(ann.page, ann.harness.url)
    await ben.page.goto(ben.harness.url)
    await expect(mainNav(ben.page)).toBeVisible({ timeout: 30_000 })
  })

  await test.step('both open the same assessment; Ann saves first; Ben’s save shows the conflict', async () => {
    const annText = 'Ann: the Government has legislated for the sanction.'
    const benText = 'Ben: the sanction is in a Bill that has not yet passed.'
    await openRecommendation(ann.page, '1')
    await openRecommendation(ben.page, '1')
    const benNarrative = ben.page.getByLabel('Narrative')

    // Ben starts writing; Ann, on the same assessment, writes and saves before he does.
    await benNarrative.fill(benText)
    await ann.page.getByLabel('Narrative').fill(annText)
    await ann.page.getByRole('button', { name: 'Save assessment' }).click()
    await expect(ann.page.getByRole('status').filter({ hasText: 'Assessment saved for the 2021 progress review.' })).toBeVisible()

    // Ann's save reaches Ben's desktop by itself (his history of the item names her), and what
    // he typed stays as he typed it.
    const benHistory = ben.page.getByRole('region', { name: 'History of this recommendation' })
    await expect(benHistory.getByRole('listitem').first()).toContainText('Ann Smith')
    await expect(benNarrative).toHaveValue(benText)

    await ben.page.getByRole('button', { name: 'Save assessment' }).click()
    const conflict = ben.page.getByRole('group', { name: 'Someone else saved this assessment first' })
    await expect(conflict).toBeVisible()
    await expect(conflict.getByRole('alert')).toContainText('Ann Smith changed')
    await expect(conflict.getByLabel('Your assessment (not saved)')).toHaveValue(new RegExp(`${benText}$`))
    await expect(conflict.getByLabel(/^Ann Smith’s assessment, saved /)).toHaveValue(new RegExp(`${annText}$`))
    await shoot(ben.page, 'team-two-desktops-conflict')

    // Ben takes Ann's text: the conflict goes and his form shows what she saved.
    await conflict.getByRole('button', { name: 'Use theirs' }).click()
    await expect(conflict).toBeHidden()
    await expect(benNarrative).toHaveValue(annText)
  })

  await test.step('Ann imports a letter; Ben’s list shows it without a reload', async () => {
    const subject = 'Imprints on campaign material'
    for (const desk of [ann, ben]) await mainNav(desk.page).getByRole('link', { name: 'Letters' }).click()
    const benList = ben.page.getByRole('listbox', { name: 'Letters' })
    await expect(benList.getByRole('option').first()).toBeVisible()
    await expect(benList.getByText(subject)).toHaveCount(0)

    const letter = textLetter(['Electoral Commission', '', '4 March 2022', '', 'Dear Chair,', '', `Re: ${subject}`, '', 'We have published new guidance on digital imprints.', '', 'Yours sincerely,', 'Sam Example'])
    await ann.page.getByLabel('Letter files to import').setInputFiles([{ name: 'imprints.txt', mimeType: 'text/plain', buffer: letter }])
    await expect(ann.page.getByRole('listbox', { name: 'Letters' }).getByText(subject)).toBeVisible()

    // Ben did nothing: his list follows the change Ann's desktop made.
    await expect(benList.getByText(subject)).toBeVisible()
    await shoot(ben.page, 'team-two-desktops-list')
  })
})
