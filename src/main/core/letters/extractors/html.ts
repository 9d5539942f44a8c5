// HTML letters and e-mail bodies become plain text. The HTML is parsed as data and never run:
// scripts, styles and pictures are dropped and link targets are not kept.
import { convert } from 'html-to-text'
import { decodeTextReporting } from '../decode-text'
import { plainText, type Extraction } from './types'

const OPTIONS = {
  wordwrap: false as const,
  selectors: [
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'noscript', format: 'skip' },
    { selector: 'template', format: 'skip' },
    { selector: 'object', format: 'skip' },
    { selector: 'iframe', format: 'skip' },
    { selector: 'img', format: 'skip' },
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
}

export function htmlToPlainText(html: string): string {
  return convert(html, OPTIONS)
}

export function extractHtml(bytes: Uint8Array): Extraction {
  const { text, guess } = decodeTextReporting(bytes, declaredCharset(bytes))
  return plainText(htmlToPlainText(text), { encodingGuess: guess })
}

/** How much of a page is searched for its charset: browsers look in the first 1024 bytes; some pages put it later. */
const CHARSET_SEARCH_BYTES = 4096

/**
 * The charset a page declares: <meta charset="…">, <meta http-equiv="Content-Type"
 * content="text/html; charset=…"> or an XML prolog's encoding="…". Read from the first bytes as
 * Latin-1, which any ASCII-compatible encoding's markup survives; the gaps are bounded.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, CHARSET_SEARCH_BYTES)).toString('latin1')
  const meta = /<meta\b[^<>]{0,300}?\bcharset\s*=\s*["']?([\w.:-]{1,40})/i.exec(head)
  const prolog = /^\s{0,100}<\?xml\b[^<>]{0,200}?\bencoding\s*=\s*["']([\w.:-]{1,40})/i.exec(head)
  const name = meta?.[1] ?? prolog?.[1] ?? null
  // Markup readable as Latin-1 cannot be UTF-16 or UTF-32, whatever it says (browsers agree).
  return name && !/^utf-?(16|32)/i.test(name) ? name : null
}
