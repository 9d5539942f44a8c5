// HTML letters and e-mail bodies become plain text. The HTML is parsed as data and never run:
// scripts, styles and pictures are dropped and link targets are not kept.
import { convert } from 'html-to-text'
import { decodeText } from '../decode-text'
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
  return plainText(htmlToPlainText(decodeText(bytes)))
}
