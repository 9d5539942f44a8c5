// Keeping the register right in the app (issue 12): an unknown sender added as another name of an
// organisation already registered, organisations added, edited and merged, a recommendation
// edited, and groups from a CSV kept in the order the CSV gives them.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { emlLetter, loadDemo, reader, shoot } from './letters-helpers'
import { mainNav, openRecommendation } from './review-helpers'

const DCMS = 'Department for Digital, Culture, Media and Sport'

function pressOfficeEmail(subject: string, date: string) {
  return emlLetter({ from: 'Culture Team Press Office <press@culture-team.example>', to: 'secretariat@public-standards.example', subject, date }, ['Dear Chair,', '', `A short note: ${subject.toLowerCase()}.`, '', 'Press Office'])
}

test('an unknown sender added as another name of a registered organisation sets the letter’s sender', async ({ page, harness }) => {
  test.setTimeout(180_000)
  const list = await loadDemo(page, harness.url)
  await page.getByLabel('Letter files to import').setInputFiles([
    { name: 'press-1.eml', mimeType: 'message/rfc822', buffer: pressOfficeEmail('Online safety update', 'Mon, 7 Mar 2022 10:00:00 +0000') },
    { name: 'press-2.eml', mimeType: 'message/rfc822', buffer: pressOfficeEmail('Abuse of candidates online', 'Tue, 8 Mar 2022 10:00:00 +0000') },
  ])
  await expect(page.locator('[data-import-panel]').getByRole('status')).toContainText('2 files: 2 imported.')

  await list.getByRole('option').filter({ hasText: 'Online safety update' }).click()
  const pane = reader(page)
  await expect(pane.getByRole('heading', { level: 2, name: 'Online safety update' })).toBeVisible()
  await expect(pane).toContainText('The sender is not in the register.')
  await pane.getByRole('button', { name: 'Add as an alias of…' }).click()
  const dialog = page.getByRole('dialog', { name: /^Add “Culture Team Press Office” as another name of/ })
  await expect(dialog).toBeVisible()
  // Nothing chosen: said, not sent.
  await dialog.getByLabel(/^(Or another organisation|Organisation)$/).selectOption('')
  await dialog.getByRole('button', { name: 'Add as another name' }).click()
  await expect(dialog.getByText('Choose the organisation “Culture Team Press Office” is another name of.')).toBeVisible()
  await dialog.getByLabel(/^(Or another organisation|Organisation)$/).selectOption({ label: DCMS })
  await shoot(page, 'register-alias-sender')
  await dialog.getByRole('button', { name: 'Add as another name' }).click()
  await expect(dialog).toBeHidden()

  // The letter's sender is set, and the other letter from the same sender is offered the same fix.
  await pane.getByRole('button', { name: 'Details' }).click()
  await expect(pane.getByRole('definition').filter({ hasText: DCMS }).first()).toBeVisible()
  await expect(pane).not.toContainText('The sender is not in the register.')
  const followUp = page.getByRole('status').filter({ hasText: '1 other letter from the same sender has no sender yet.' })
  await followUp.getByRole('button', { name: `Give it to ${DCMS} too` }).click()
  await expect(followUp).toBeHidden()
  await list.getByRole('option').filter({ hasText: 'Abuse of candidates online' }).click()
  await expect(pane.getByRole('heading', { level: 2, name: 'Abuse of candidates online' })).toBeVisible()
  await expect(pane.getByRole('definition').filter({ hasText: DCMS }).first()).toBeVisible()

  // The register shows the new name (and the e-mail domain) on the organisation.
  await mainNav(page).getByRole('link', { name: 'Organisations' }).click()
  const row = page.getByRole('row', { name: new RegExp(`^${DCMS}`) })
  await expect(row).toContainText('Culture Team Press Office')
  await expect(row).toContainText('culture-team.example')
})

test('a recommendation edited in its detail view is saved', async ({ page, harness }) => {
  test.setTimeout(120_000)
  await loadDemo(page, harness.url)
  await openRecommendation(page, '3')
  await page.getByRole('button', { name: 'Edit recommendation' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit recommendation 3' })
  await expect(dialog.getByLabel('Number')).toHaveValue('3')
  await expect(dialog.getByLabel('Addressed to (optional)')).toHaveValue('Cabinet Office')
  await dialog.getByLabel('Full text').fill('')
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(dialog.getByText('Enter what the committee recommended.')).toBeVisible()
  await expect(dialog.getByLabel('Full text')).toBeFocused()

  await dialog.getByLabel('Short title').fill('Imprints on all digital election material')
  await dialog.getByLabel('Full text').fill('The Government should require an imprint on all digital election material.')
  await dialog.getByLabel('Addressed to (optional)').fill('Cabinet Office\nSocial media companies')
  await dialog.getByLabel('Theme (optional)').fill('Digital campaigning')
  await shoot(page, 'register-edit-recommendation')
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'Changes to recommendation 3 were saved.' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: 'Imprints on all digital election material' })).toBeVisible()
  await expect(page.getByText('Recommendation 3 · Digital campaigning')).toBeVisible()
  await expect(page.getByText('The Government should require an imprint on all digital election material.')).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: 'Social media companies (every organisation in the group)' })).toBeVisible()

  // Saved in the core, not only on screen: a fresh load shows it too.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Imprints on all digital election material' })).toBeVisible()
})

test('groups from the organisations CSV keep the CSV’s order, and only groups in use are listed', async ({ page, harness }) => {
  test.setTimeout(120_000)
  const csv = join(harness.downloadsDir, '..', 'organisations-order.csv')
  writeFileSync(
    csv,
    ['name,category,aliases,email_domains', 'Metropolitan Police Service,Policing,Met Police,met.police.uk', 'Twitter,Social media,X,twitter.com', 'Cabinet Office,Government,,cabinetoffice.gov.uk', 'Citizens Advice,Charities,,citizensadvice.org.uk', 'Institute for Government,Think tanks,,instituteforgovernment.org.uk'].join('\n'),
  )
  const recommendations = join(harness.downloadsDir, '..', 'recommendations-order.csv')
  writeFileSync(recommendations, ['number,title,text,addressees,theme', '1,Police liaison,The police should name a liaison officer for candidates.,Metropolitan Police Service,Policing'].join('\n'))

  await page.goto(harness.url)
  await page.getByRole('button', { name: 'Start empty' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your report' })).toBeVisible()
  await page.getByLabel('Organisations CSV file').setInputFiles(csv)
  await expect(page.getByRole('status').filter({ hasText: 'organisations-order.csv: Added 5 organisations.' })).toBeVisible()
  await page.getByLabel('Report title (optional)').fill('Intimidation in Public Life')
  await page.getByLabel('Recommendations CSV file').setInputFiles(recommendations)
  await expect(page.getByRole('status').filter({ hasText: 'recommendations-order.csv: Added 1 recommendation' })).toBeVisible()

  await mainNav(page).getByRole('link', { name: 'Cycles & report' }).click()
  await page.getByRole('link', { name: 'Progress summary' }).click()
  const order = page.locator('[data-group]')
  await expect(order.first()).toBeVisible()
  // "Policing", "Social media" and "Charities" are built-in groups under other names; "Think tanks"
  // is a group of its own. The built-in groups with no organisations are left out.
  await expect(order).toHaveCount(5)
  expect(await order.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-group')))).toEqual(['Policing and prosecution', 'Social media companies', 'Government', 'Civil society', 'Think tanks'])
})

test('an organisation is added, edited and merged into another', async ({ page, harness }) => {
  test.setTimeout(180_000)
  await loadDemo(page, harness.url)
  await mainNav(page).getByRole('link', { name: 'Organisations' }).click()
  await expect(page.getByRole('table').first()).toBeVisible()

  // Add: the name and group are needed; the lists are one entry a line.
  await page.getByRole('button', { name: 'Add organisation' }).click()
  const add = page.getByRole('dialog', { name: 'Add an organisation' })
  await add.getByRole('button', { name: 'Add organisation' }).click()
  await expect(add.getByText('Enter the organisation’s name.')).toBeVisible()
  await expect(add.getByLabel('Name', { exact: true })).toBeFocused()
  await add.getByLabel('Name', { exact: true }).fill('Meta UK Public Policy')
  await add.getByLabel('Stakeholder group').selectOption('A new group…')
  await add.getByLabel('Name of the new group').fill('Technology firms')
  await add.getByLabel('Other names (optional)').fill('Meta Public Policy\nMeta Policy Team')
  await add.getByLabel('E-mail domains (optional)').fill('metapolicy.example')
  await add.getByLabel('Address on its letterhead (optional)').fill('10 Brock Street')
  await shoot(page, 'register-add-organisation')
  await add.getByRole('button', { name: 'Add organisation' }).click()
  await expect(add).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'Meta UK Public Policy was added to the register.' })).toBeVisible()
  const technology = page.getByRole('region', { name: /^Technology firms/ })
  // The register lists other names alphabetically.
  await expect(technology.getByRole('row', { name: /^Meta UK Public Policy/ })).toContainText('Meta Policy Team, Meta Public Policy')

  // Edit: another group, another name, one alias less.
  await technology.getByRole('button', { name: 'Edit Meta UK Public Policy' }).click()
  const edit = page.getByRole('dialog', { name: 'Edit Meta UK Public Policy' })
  await expect(edit.getByLabel('Address on its letterhead (optional)')).toHaveValue('10 Brock Street')
  await edit.getByLabel('Name', { exact: true }).fill('Meta Platforms UK')
  await edit.getByLabel('Stakeholder group').selectOption('Social media companies')
  await edit.getByLabel('Other names (optional)').fill('Meta Public Policy')
  await shoot(page, 'register-edit-organisation')
  await edit.getByRole('button', { name: 'Save changes' }).click()
  await expect(edit).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'Changes to Meta Platforms UK were saved.' })).toBeVisible()
  const social = page.getByRole('region', { name: /^Social media companies/ })
  const edited = social.getByRole('row', { name: /^Meta Platforms UK/ })
  await expect(edited).toContainText('Meta Public Policy')
  await expect(edited).not.toContainText('Meta Policy Team')
  await expect(page.getByRole('region', { name: /^Technology firms/ })).toHaveCount(0)

  // Merge: the duplicate into Facebook, which is kept; the dialog says what moves.
  await edited.getByRole('button', { name: 'Merge… Meta Platforms UK with another' }).click()
  const merge = page.getByRole('dialog', { name: 'Merge two organisations' })
  await expect(merge.getByLabel('First organisation')).toHaveValue(/\d+/)
  await merge.getByRole('button', { name: 'Merge organisations' }).click()
  await expect(merge.getByText('Choose the organisation to merge it with.')).toBeVisible()
  await merge.getByLabel('Merge it with').selectOption({ label: 'Facebook' })
  await merge.getByRole('radio', { name: /^Facebook/ }).check()
  await expect(merge).toContainText('Meta Platforms UK leaves the register and becomes another name of Facebook.')
  await expect(merge).toContainText('its other name: Meta Public Policy')
  await expect(merge).toContainText('its e-mail domain: metapolicy.example')
  await shoot(page, 'register-merge-organisations')
  await merge.getByRole('button', { name: 'Merge into Facebook' }).click()
  await expect(merge).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'Meta Platforms UK was merged into Facebook.' })).toBeVisible()
  await expect(page.getByRole('row', { name: /^Meta Platforms UK/ })).toHaveCount(0)
  const facebook = page.getByRole('row', { name: /^Facebook/ })
  await expect(facebook).toContainText('Meta Platforms UK')
  await expect(facebook).toContainText('metapolicy.example')
})
