// Issue 13, class 2: e-mail parts whose Content-Type names no charset. Older mail programs send
// 8-bit text in the sender's code page without naming it; such a part is read as a plain-text
// letter is (its HTML <meta> charset, UTF-8 when valid, else a guess, noted when unsure), while a
// charset the message names is always trusted. Every message is written here, bytes by iconv-lite.
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { extractLetter } from '../../../src/main/core/letters/extract-text'
import { DEFAULT_EXTRACT_LIMITS } from '../../../src/main/core/letters/extractors/types'

const RUSSIAN = 'Уважаемый господин председатель, благодарим вас за письмо о работе комитета по стандартам в общественной жизни.'
const CZECH = 'Vážený pane předsedo, děkujeme za Váš dopis o práci výboru. Ministerstvo se touto záležitostí zabývalo.'
const FRENCH = 'Monsieur le Président, nous avons bien reçu votre lettre et vous en remercions. Très cordialement.'

const head = ['From: Jo Bloggs <jo@example.org>', 'To: Chair <chair@example.gov.uk>', 'Date: Tue, 10 May 2022 09:14:00 +0100', 'Subject: Reply', 'MIME-Version: 1.0']

/** A message from header lines and body bytes, lines ended with CRLF. */
function message(lines: string[], body: Uint8Array | string): Uint8Array {
  const top = Buffer.from([...lines, '', ''].join('\r\n'), 'latin1')
  return new Uint8Array(Buffer.concat([top, typeof body === 'string' ? Buffer.from(body, 'latin1') : Buffer.from(body)]))
}

const read = (bytes: Uint8Array) => extractLetter({ bytes, format: 'eml', fileName: 'reply.eml', limits: DEFAULT_EXTRACT_LIMITS })
const bodyOf = (text: string) => text.slice(text.indexOf('\n\n') + 2)

describe('e-mail text parts with no charset', () => {
  it.each([
    ['windows-1251', RUSSIAN],
    ['koi8-r', RUSSIAN],
    ['windows-1250', CZECH],
    ['windows-1252', FRENCH],
  ])('reads an 8-bit text/plain part in %s', async (codePage, text) => {
    const result = await read(message([...head, 'Content-Type: text/plain', 'Content-Transfer-Encoding: 8bit'], iconv.encode(text, codePage)))
    expect(bodyOf(result.text)).toBe(text)
    expect(result.text).not.toContain('\ufffd')
  })

  it('reads a message with no Content-Type at all, and a quoted-printable part', async () => {
    expect(bodyOf((await read(message(head, iconv.encode(RUSSIAN, 'windows-1251')))).text)).toBe(RUSSIAN)
    const qp = [...iconv.encode(CZECH, 'windows-1250')].map((byte) => (byte >= 0x80 || byte === 0x3d ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(byte))).join('')
    expect(bodyOf((await read(message([...head, 'Content-Type: text/plain', 'Content-Transfer-Encoding: quoted-printable'], qp))).text)).toBe(CZECH)
  })

  it('notes a guess it is not sure of, and none when the part is UTF-8 or plain ASCII', async () => {
    const guessed = await read(message([...head, 'Content-Type: text/plain'], iconv.encode(CZECH, 'windows-1250')))
    expect(guessed.encodingGuess).toMatchObject({ encoding: 'windows-1250' })
    expect((await read(message([...head, 'Content-Type: text/plain'], new TextEncoder().encode(RUSSIAN)))).encodingGuess).toBeNull()
    expect((await read(message([...head, 'Content-Type: text/plain'], 'Dear Chair, thank you.'))).encodingGuess).toBeNull()
  })

  it('prefers an HTML part’s own <meta> charset to a guess', async () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head><body><p>${RUSSIAN}</p></body></html>`
    const result = await read(message([...head, 'Content-Type: text/html', 'Content-Transfer-Encoding: 8bit'], iconv.encode(html, 'koi8-r')))
    expect(bodyOf(result.text)).toBe(RUSSIAN)
    expect(result.encodingGuess).toBeNull()
  })

  it('reads each part of a multipart message in its own code page, and trusts a named charset', async () => {
    const lines = [...head, 'Content-Type: multipart/mixed; boundary="b1"', '', '--b1', 'Content-Type: text/plain', '', '']
    const bytes = Buffer.concat([
      Buffer.from(lines.join('\r\n'), 'latin1'),
      iconv.encode(CZECH, 'windows-1250'),
      Buffer.from('\r\n--b1\r\nContent-Type: text/plain; charset=koi8-r\r\n\r\n', 'latin1'),
      iconv.encode(RUSSIAN, 'koi8-r'),
      Buffer.from('\r\n--b1--\r\n', 'latin1'),
    ])
    const body = bodyOf((await read(new Uint8Array(bytes))).text)
    expect(body).toContain(CZECH)
    expect(body).toContain(RUSSIAN)
  })
})
