// Issue 13, class 2: Central European letters (Czech, Slovak, Polish, Hungarian, Slovene,
// Croatian, Romanian) in windows-1250 or ISO-8859-2, as plain text and as RTF that names no code
// page. jschardet alone takes short ones for windows-1252; the letters each reading gives decide
// (latin-code-page.ts). Every fixture is written here by iconv-lite.
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeTextReporting } from '../../../src/main/core/letters/decode-text'
import { extractLetter } from '../../../src/main/core/letters/extract-text'
import { DEFAULT_EXTRACT_LIMITS } from '../../../src/main/core/letters/extractors/types'
import { latinReadingScore } from '../../../src/main/core/letters/latin-code-page'

const LETTERS: Record<string, string> = {
  Czech: 'Vážený pane předsedo,\nděkujeme za Váš dopis. Ministerstvo spravedlnosti se touto záležitostí podrobně zabývalo.\nS pozdravem\nJiří Šťastný',
  'short Czech': 'Vážený pane předsedo, děkujeme za dopis.',
  Slovak: 'Vážený pán predseda,\nďakujeme za Váš list. Ministerstvo spravodlivosti sa touto záležitosťou zaoberalo.\nS pozdravom\nĽubomír Šťastný',
  Polish: 'Szanowny Panie Przewodniczący,\ndziękujemy za list. Ministerstwo Sprawiedliwości zajęło się tą sprawą.\nZ poważaniem\nŁukasz Żółkiewski',
  'short Polish': 'Łączę wyrazy szacunku, źródło: żądanie.',
  Hungarian: 'Tisztelt Elnök Úr!\nKöszönjük levelét. A minisztérium őszintén üdvözli a bizottság jelentését és a különböző javaslatokat.\nTisztelettel\nKovács Gábor',
  Slovene: 'Spoštovani gospod predsednik, zahvaljujemo se za vaše pismo. Lep pozdrav, Ministrstvo za pravosodje',
  Croatian: 'Poštovani gospodine predsjedniče, zahvaljujemo na Vašem pismu. Srdačan pozdrav, Ministarstvo pravosuđa',
  Romanian: 'Stimate domnule preşedinte, vă mulţumim pentru scrisoare. Cu stimă, Ministerul Justiţiei',
}

describe('Central European plain text', () => {
  for (const [language, text] of Object.entries(LETTERS)) {
    for (const codePage of ['windows-1250', 'iso-8859-2']) {
      it(`reads ${language} in ${codePage}`, () => {
        const bytes = iconv.encode(text, codePage)
        expect(iconv.decode(bytes, codePage), 'the fixture survives its code page').toBe(text)
        expect(decodeTextReporting(bytes).text).toBe(text)
      })
    }
  }

  it('still reads Western letters, and English with only a pound sign or curly quotes, as windows-1252', () => {
    for (const text of [
      'Monsieur le Président, nous avons bien reçu votre lettre. Veuillez agréer nos salutations très distinguées. Cœur, hôte, être.',
      'Sehr geehrter Herr Vorsitzender, für Ihren Brief danken wir Ihnen. Mit freundlichen Grüßen',
      'Estimado señor presidente: le agradecemos su carta. Atentamente, el Ministerio de Justicia',
      'Kære formand, tak for dit brev. Med venlig hilsen, Søren Ærø',
      'We enclose a cheque for £500 and the “summary” you asked for — with thanks.',
    ]) {
      const { text: read, guess } = decodeTextReporting(iconv.encode(text, 'windows-1252'))
      expect(read).toBe(text)
      expect(guess?.encoding ?? 'windows-1252').toBe('windows-1252')
    }
  })

  it('marks the guess as one to check', () => {
    expect(decodeTextReporting(iconv.encode(LETTERS.Czech!, 'windows-1250')).guess).toMatchObject({ encoding: 'windows-1250' })
  })

  it('scores a reading whose accents stay in one alphabet above one that mixes them or puts symbols in words', () => {
    expect(latinReadingScore('předsedo děkujeme')).toBeGreaterThan(latinReadingScore('pøedsedo dìkujeme'))
    expect(latinReadingScore('dziękujemy tą')).toBeGreaterThan(latinReadingScore('dziêkujemy t¹'))
    expect(latinReadingScore('£500 « »')).toBe(0)
  })
})

describe('Central European RTF that names no code page', () => {
  /** An RTF with no \ansicpg and a font with no \fcharset: 8-bit characters as \'hh escapes. */
  const rtf = (text: string, codePage: string, declaration = '') => {
    const escaped = [...iconv.encode(text, codePage)].map((byte) => (byte >= 0x80 ? `\\'${byte.toString(16)}` : byte === 10 ? '\\par\n' : String.fromCharCode(byte))).join('')
    return new TextEncoder().encode(`{\\rtf1\\ansi${declaration}\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\\f0 ${escaped}}`)
  }
  const read = async (bytes: Uint8Array) => (await extractLetter({ bytes, format: 'rtf', fileName: 'dopis.rtf', limits: DEFAULT_EXTRACT_LIMITS })).text

  for (const language of ['Czech', 'Polish', 'Hungarian', 'Slovak']) {
    it(`reads ${language} written in windows-1250`, async () => {
      expect(await read(rtf(LETTERS[language]!, 'windows-1250'))).toBe(LETTERS[language])
    })
  }

  it('trusts a declared \\ansicpg, and reads a French RTF with no declaration as windows-1252', async () => {
    const czech = LETTERS.Czech!
    expect(await read(rtf(czech, 'windows-1250', '\\ansicpg1250'))).toBe(czech)
    // Declared Western: the bytes are read as the file says, whatever they look like.
    expect(await read(rtf(czech, 'windows-1250', '\\ansicpg1252'))).toBe(iconv.decode(iconv.encode(czech, 'windows-1250'), 'windows-1252'))
    const french = 'Monsieur le Président, nous avons bien reçu votre lettre. Très cordialement.'
    expect(await read(rtf(french, 'windows-1252'))).toBe(french)
  })
})
