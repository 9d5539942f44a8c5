import { describe, expect, it } from 'vitest'
import { rtfToText } from '../../../src/main/core/letters/extractors/rtf'
import { bandKeys, BANDS, signatureOf, similarity } from '../../../src/main/core/letters/fingerprint'
import { sniffFormat } from '../../../src/main/core/letters/sniff'

describe('rtfToText', () => {
  it('skips pictures, field instructions, style sheets and unknown \\* destinations', () => {
    const rtf = String.raw`{\rtf1\ansi{\stylesheet{\s1 Heading 1;}}{\*\themedata 0123abcd}{\pict\pngblip 89504e470d0a1a0a}Dear {\field{\*\fldinst HYPERLINK "http://x.test"}{\fldrslt Chair}},\par}`
    expect(rtfToText(rtf)).toBe('Dear Chair,\n')
  })
  it('honours \\ucN when skipping the fallback after \\u, and \\bin data', () => {
    expect(rtfToText(String.raw`{\rtf1\uc2 A\u8364 EUB {\bin3 xyz}C}`)).toBe('A€B C')
  })
  it("decodes \\'hh bytes in the declared code page (windows-1251 here)", () => {
    expect(rtfToText(String.raw`{\rtf1\ansi\ansicpg1251 \'cf\'f0\'e8\'e2\'e5\'f2}`)).toBe('Привет')
  })
  it('turns escaped braces and backslashes into text', () => {
    expect(rtfToText(String.raw`{\rtf1 a\{b\}c\\d\tab e}`)).toBe('a{b}c\\d\te')
  })
})

describe('sniffFormat for every format', () => {
  const bytes = (...values: number[]) => new Uint8Array(values)
  it.each([
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'png'],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0), 'jpeg'],
    ['TIFF', bytes(0x49, 0x49, 0x2a, 0x00, 8), 'tiff'],
    ['RTF', new TextEncoder().encode('{\\rtf1 hello}'), 'rtf'],
    ['e-mail', new TextEncoder().encode('From: a@b.test\r\nMIME-Version: 1.0\r\nSubject: x\r\n\r\nbody'), 'eml'],
    ['HTML', new TextEncoder().encode('  <!doctype html><p>hi</p>'), 'html'],
    ['an Outlook message', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.from('__substg1.0_0037001F', 'utf16le')]), 'msg'],
    ['a Word 97 document', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.from('WordDocument', 'utf16le')]), 'doc'],
    ['OpenDocument text', new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Buffer.from('mimetypeapplication/vnd.oasis.opendocument.text'), ...Buffer.from('PK\x05\x06'), ...new Uint8Array(18)]), 'odt'],
  ])('recognises %s by its bytes', (_, content, format) => {
    expect(sniffFormat(content, 'file.txt')).toBe(format)
  })
  it('keeps a typed letter with From: and Subject: lines as text', () => {
    expect(sniffFormat(new TextEncoder().encode('From: the Chair\nSubject: thanks\n\nDear all'), 'a.txt')).toBe('txt')
  })
})

describe('near-duplicate fingerprints', () => {
  const letter = 'Thank you for your letter about the intimidation of candidates. We have worked with the police and prosecutors on joint guidance which sets out what candidates can expect and how to report abuse online and in person. We will review it after the election.'
  it('are alike for the same words in another layout, unlike for another letter', () => {
    const a = signatureOf(letter)!
    const b = signatureOf(`From: IPSO\nSent: 4 March 2021\n\n${letter.replace(/\. /g, '.\n\n').toUpperCase()}`)!
    const c = signatureOf('The Home Office has published a consultation on a new electoral offence of intimidating candidates and campaigners, with proposals on digital imprints and the disclosure of home addresses on ballot papers.')!
    expect(similarity(a, b)).toBeGreaterThan(0.7)
    expect(similarity(a, c)).toBeLessThan(0.3)
    expect(bandKeys(a).filter((key, i) => key === bandKeys(b)[i]).length).toBeGreaterThan(0)
    expect(bandKeys(a)).toHaveLength(BANDS)
  })
  it('are not made for texts too short to compare', () => {
    expect(signatureOf('Thank you, received.')).toBeNull()
  })
})
