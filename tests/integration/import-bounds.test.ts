// Bounds on what one file can make the importer do: an e-mail brings in at most 200 letters
// through its attachments, and the rest are listed on it with the reason.
import { afterEach, beforeEach, expect, it } from 'vitest'
import { importFiles, MAX_ATTACHED_LETTERS } from '../../src/main/core/letters/import-service'
import { getLetter } from '../../src/main/core/letters/letter-queries'
import { eml } from '../support/letter-fixtures'
import { createTestCore, type TestCore } from '../support/test-core'
import { columnOf } from '../support/raw-sql'

let core: TestCore
beforeEach(async () => {
  core = await createTestCore()
})
afterEach(() => core.dispose())

it('imports at most 200 letters from the attachments of one e-mail and lists the rest with the reason', async () => {
  const attachments = Array.from({ length: 250 }, (_, i) => ({
    name: `reply-${i}.txt`,
    type: 'text/plain',
    bytes: new TextEncoder().encode(`Home Office\n${(i % 28) + 1} March 2021\nReply number ${i} on recommendation ${i % 7}.`),
  }))
  const mail = eml({ from: 'Home Office <a@homeoffice.gov.uk>', to: 'c@x.gov.uk', date: 'Mon, 1 Mar 2021 10:00:00 +0000', subject: 'Replies', text: 'All our replies are attached.', attachments })
  const [outcome] = await importFiles(core.ctx, [{ name: 'many.eml', bytes: mail }], 'app')
  expect(outcome?.status).toBe('imported')
  const letterId = outcome!.status === 'imported' ? outcome!.letterId : 0
  expect(MAX_ATTACHED_LETTERS).toBe(200)
  const children = (await columnOf(core, 'SELECT file_name FROM letters WHERE parent_letter_id = ? ORDER BY id', letterId))
  expect(children).toEqual(attachments.slice(0, 200).map((a) => a.name))
  const notImported = (await getLetter(core.ctx, letterId)).attachments.filter((a) => a.letterId === null)
  expect(notImported.map((a) => a.name)).toEqual(attachments.slice(200).map((a) => a.name))
  for (const entry of notImported) expect(entry.note).toMatch(/at most 200 letters/)
}, 60_000)
