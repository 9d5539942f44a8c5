// Issue 13, class 2: letters written in legacy code pages. Every fixture is made here: iconv-lite
// writes the code pages, the RTFs are written by hand with the \fcharset fonts Word writes.
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeTextReporting } from '../../../src/main/core/letters/decode-text'
import { extractLetter } from '../../../src/main/core/letters/extract-text'
import { DEFAULT_EXTRACT_LIMITS } from '../../../src/main/core/letters/extractors/types'
import { sniffFormat } from '../../../src/main/core/letters/sniff'

async function extract(name: string, bytes: Uint8Array) {
  const format = sniffFormat(bytes, name)
  return { format, ...(await extractLetter({ bytes, format, fileName: name, limits: DEFAULT_EXTRACT_LIMITS })) }
}

/** An RTF \'hh escape for each byte of the text in the code page. */
function hex(text: string, codePage: string): string {
  return [...iconv.encode(text, codePage)].map((byte) => `\\'${byte.toString(16).padStart(2, '0')}`).join('')
}

const RUSSIAN = 'Уважаемый господин председатель, благодарим вас за письмо о работе комитета по стандартам. С уважением, Министерство юстиции'
const JAPANESE = '拝啓 委員会の報告書について、ご意見をいただきありがとうございます。今後とも宜しくお願い申し上げます。敬具 東京都庁'
const KOREAN = '위원회 보고서에 대한 의견을 보내 주셔서 감사합니다. 앞으로도 잘 부탁드립니다. 서울특별시 드림'
const CHINESE_SIMPLIFIED = '尊敬的委员会，感谢您对报告的意见。我们将认真考虑这些建议，并在下次会议上讨论。此致 敬礼'
const CHINESE_TRADITIONAL = '尊敬的委員會，感謝您對報告的意見。我們將認真考慮這些建議，並在下次會議上討論。此致 敬禮'

describe('plain text in a legacy code page', () => {
  const cases: [string, string][] = [
    ['windows-1251', RUSSIAN],
    ['cp866', RUSSIAN],
    ['koi8-r', RUSSIAN],
    ['shift_jis', JAPANESE],
    ['euc-kr', KOREAN],
    ['gb18030', CHINESE_SIMPLIFIED],
    ['big5', CHINESE_TRADITIONAL],
  ]
  for (const [codePage, text] of cases) {
    it(`reads ${codePage} text as written`, async () => {
      const result = await extract('letter.txt', iconv.encode(text, codePage))
      expect(result.format).toBe('txt')
      expect(result.text).toBe(text)
    })
  }

  it('reads UTF-32 with either byte order by its mark', async () => {
    const text = 'Dear Chair, 拝啓 — Ответ'
    for (const codePage of ['utf-32le', 'utf-32be']) {
      const result = await extract('letter.txt', iconv.encode(text, codePage, { addBOM: true }))
      expect(result).toMatchObject({ format: 'txt', text, encodingGuess: null })
    }
  })

  it('marks a guess the detector is not sure of, and not text it did not have to guess', () => {
    expect(decodeTextReporting(iconv.encode(RUSSIAN, 'koi8-r')).guess).toMatchObject({ encoding: 'koi8-r' })
    expect(decodeTextReporting(new TextEncoder().encode(RUSSIAN)).guess).toBeNull()
    expect(decodeTextReporting(iconv.encode(RUSSIAN, 'koi8-r'), 'koi8-r').guess).toBeNull()
  })

  it('prefers the charset an HTML page declares to a guess', async () => {
    const page = (charset: string) => `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"></head><body><p>${RUSSIAN}</p></body></html>`
    for (const charset of ['windows-1251', 'koi8-r', 'ibm866']) {
      const result = await extract('letter.html', iconv.encode(page(charset), charset))
      expect(result).toMatchObject({ format: 'html', text: RUSSIAN, encodingGuess: null })
    }
    const meta = await extract('letter.html', iconv.encode(`<!DOCTYPE html><html><head><meta charset="shift_jis"></head><body><p>${JAPANESE}</p></body></html>`, 'shift_jis'))
    expect(meta.text).toBe(JAPANESE)
  })
})

describe('RTF fonts with their own character sets', () => {
  it('decodes each font’s \\fcharset, with double-byte pairs, beside the \\ansicpg', async () => {
    const czech = 'Vážený pane předsedo, děkujeme'
    const greek = 'Αξιότιμε κύριε'
    const turkish = 'Sayın Başkan, teşekkür ederiz'
    const rtf = [
      String.raw`{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman\fcharset0 Times New Roman;}{\f1\fnil\fcharset128 MS Mincho;}{\f2\fswiss\fcharset238 Arial CE;}`,
      String.raw`{\f3\fswiss\fcharset204 Arial Cyr;}{\f4\fswiss\fcharset161 Arial Greek;}{\f5\fswiss\fcharset162 Arial Tur;}{\f6\fnil\fcharset134 SimSun;}{\f7\fnil\fcharset136 MingLiU;}{\f8\fnil\fcharset129 Batang;}`,
      String.raw`{\f9\fswiss\fcharset178 Arial Arabic;}{\f10\fswiss\fcharset177 Arial Hebrew;}{\f11\fswiss\fcharset186 Arial Baltic;}{\f12\fnil\fcharset222 Tahoma;}}`,
      String.raw`\pard\plain\f0 Caf\'e9\par`,
      String.raw`{\f1 ${hex(JAPANESE, 'shift_jis')}}\par`,
      String.raw`{\f2 ${hex(czech, 'windows-1250')}}\par`,
      String.raw`\f3 ${hex(RUSSIAN, 'windows-1251')}\par`,
      String.raw`\f4 ${hex(greek, 'windows-1253')}\par`,
      String.raw`\f5 ${hex(turkish, 'windows-1254')}\par`,
      String.raw`\f6 ${hex(CHINESE_SIMPLIFIED, 'gbk')}\par`,
      String.raw`\f7 ${hex(CHINESE_TRADITIONAL, 'big5')}\par`,
      String.raw`\f8 ${hex(KOREAN, 'cp949')}\par`,
      String.raw`\f9 ${hex('السيد الرئيس', 'windows-1256')}\par`,
      String.raw`\f10 ${hex('אדוני היושב ראש', 'windows-1255')}\par`,
      String.raw`\f11 ${hex('Gerbiamas pirmininke, ačiū', 'windows-1257')}\par`,
      String.raw`\f12 ${hex('เรียน ประธานกรรมการ', 'cp874')}\par`,
      String.raw`\plain Caf\'e9}`,
    ].join('\n')
    const result = await extract('letter.rtf', new TextEncoder().encode(rtf))
    expect(result.format).toBe('rtf')
    expect(result.text.split('\n')).toEqual([
      'Café', JAPANESE, czech, RUSSIAN, greek, turkish, CHINESE_SIMPLIFIED, CHINESE_TRADITIONAL, KOREAN,
      'السيد الرئيس', 'אדוני היושב ראש', 'Gerbiamas pirmininke, ačiū', 'เรียน ประธานกรรมการ', 'Café',
    ])
  })

  it('takes an ASCII second byte written as itself (\\\'83e) with its lead byte, as Word writes Shift-JIS', async () => {
    // テスト in Shift-JIS is 83 65 83 58 83 67: each second byte is ASCII ("e", "X", "g").
    const rtf = String.raw`{\rtf1\ansi\ansicpg932\deff0{\fonttbl{\f0\fnil\fcharset128 MS Gothic;}}\f0 \'83e\'83X\'83g\par}`
    expect((await extract('letter.rtf', new TextEncoder().encode(rtf))).text).toBe('テスト')
  })

  it('reads raw 8-bit bytes in the font’s code page', async () => {
    const head = Buffer.from(String.raw`{\rtf1\ansi\deff0{\fonttbl{\f0\fswiss\fcharset204 Arial Cyr;}}\f0 `, 'latin1')
    const bytes = Buffer.concat([head, iconv.encode(RUSSIAN, 'windows-1251'), Buffer.from('\\par}')])
    expect((await extract('letter.rtf', new Uint8Array(bytes))).text).toBe(RUSSIAN)
  })
})
