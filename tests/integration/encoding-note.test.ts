// Issue 13, class 2: a letter whose code page was guessed says so in its details; one that
// declared it, or was UTF-8, does not.
import iconv from 'iconv-lite'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { ImportOutcome, LetterDetail } from '../../src/shared/domain/dto'
import { noHost } from '../../src/main/core/rpc/host'
import { answerOf, createTestCore, type TestCore } from '../support/test-core'

let core: TestCore
beforeEach(async () => {
  core = await createTestCore()
})
afterEach(() => core.dispose())

const call = <T>(method: string, input: unknown) => answerOf<T>(core.dispatcher(noHost), method, input)

const RUSSIAN = 'Уважаемый господин председатель, благодарим вас за письмо о работе комитета. С уважением, Министерство юстиции'

it('notes a guessed encoding on the letter, and no note for UTF-8', async () => {
  const outcomes = await call<ImportOutcome[]>('letters.import', {
    files: [
      { name: 'koi8.txt', dataBase64: iconv.encode(RUSSIAN, 'koi8-r').toString('base64') },
      { name: 'utf8.txt', dataBase64: Buffer.from(`${RUSSIAN} (UTF-8)`).toString('base64') },
    ],
  })
  const [guessed, plain] = await Promise.all(outcomes.map((outcome) => call<LetterDetail>('letters.get', { id: (outcome as { letterId: number }).letterId })))
  expect(guessed!.bodyText).toBe(RUSSIAN)
  expect(guessed!.inference.encoding).toMatchObject({ value: 'koi8-r', reason: 'character encoding guessed from the bytes; accented or non-Latin letters may be wrong' })
  expect(guessed!.inference.encoding!.confidence).toBeLessThan(0.8)
  expect(plain!.inference.encoding).toBeUndefined()
})

it('notes the guess made for an e-mail part that named no charset, with the text read right', async () => {
  const czech = 'Vážený pane předsedo, děkujeme za Váš dopis. Ministerstvo se touto záležitostí zabývalo.'
  const head = 'From: Jo <jo@example.org>\r\nTo: Chair <chair@example.gov.uk>\r\nDate: Tue, 10 May 2022 09:14:00 +0100\r\nSubject: Reply\r\nContent-Type: text/plain\r\n\r\n'
  const bytes = Buffer.concat([Buffer.from(head, 'latin1'), iconv.encode(czech, 'windows-1250')])
  const [outcome] = await call<ImportOutcome[]>('letters.import', { files: [{ name: 'reply.eml', dataBase64: bytes.toString('base64') }] })
  const letter = await call<LetterDetail>('letters.get', { id: (outcome as { letterId: number }).letterId })
  expect(letter.bodyText).toContain(czech)
  expect(letter.inference.encoding).toMatchObject({ value: 'windows-1250' })
})
