import { describe, expect, it } from 'vitest'
import { decodeText } from '../../../src/main/core/letters/decode-text'
import { normaliseText } from '../../../src/main/core/letters/normalise-text'
import { sniffFormat } from '../../../src/main/core/letters/sniff'

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('Café')]))).toBe('Café')
    expect(decodeText(Buffer.from('Editors’ Code'))).toBe('Editors’ Code')
  })
  it('reads UTF-16 in both byte orders', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...Buffer.from('Dear Chair', 'utf16le')]))).toBe('Dear Chair')
    const be = Buffer.from('Dear Chair', 'utf16le').swap16()
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...be]))).toBe('Dear Chair')
  })
  it('falls back to windows-1252 for text that is not UTF-8', () => {
    // 0x92 is a right single quotation mark and 0xA3 a pound sign in windows-1252.
    expect(decodeText(new Uint8Array([0x49, 0x92, 0x6d, 0x20, 0xa3, 0x35]))).toBe('I’m £5')
  })
})

describe('normaliseText', () => {
  it('unifies line ends, strips XML-illegal characters, trailing spaces and extra blank lines', () => {
    expect(normaliseText('Dear Chair,  \r\n\r\n\r\n\r\nThank\u0000 you\u000b.\rEnd')).toBe('Dear Chair,\n\nThank you.\nEnd')
  })
  it('composes to NFC', () => {
    expect(normaliseText('Cafe\u0301')).toBe('Café')
  })
})

describe('sniffFormat', () => {
  it('decides by bytes, not by name', () => {
    expect(sniffFormat(Buffer.from('Dear Chair'), 'letter.docx')).toBe('txt')
    expect(sniffFormat(Buffer.from('%PDF-1.7 ...'), 'letter.txt')).toBe('pdf')
  })
  it('refuses empty, binary and non-Word ZIP files with a reason', () => {
    expect(() => sniffFormat(new Uint8Array(), 'empty.txt')).toThrow(/empty \(0 bytes\)/)
    expect(() => sniffFormat(new Uint8Array([0, 1, 2, 3, 0, 0, 7]), 'blob.txt')).toThrow(/not a format/)
    expect(() => sniffFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, ...Buffer.from('PK\x05\x06'), ...new Uint8Array(18)]), 'photos.zip')).toThrow(/not a Word or OpenDocument text document/)
    // Without the ZIP's end record, the file was cut short: said so, whatever it held.
    expect(() => sniffFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'photos.zip')).toThrow(/^photos\.zip is a ZIP archive, but the file is cut short/)
  })
})
