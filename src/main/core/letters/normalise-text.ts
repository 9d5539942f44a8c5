// One shape for every extracted text: NFC, \n line ends, no XML-illegal characters (they would
// break the Word export), no trailing spaces, at most one blank line in a row.
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * Spaces and tabs at the end of a line. The lookbehind lets only the first blank of a run try to
 * reach the end: /[ \t]+$/ alone tried every blank of a 200 000-space line against the rest of
 * it (62 s for one line followed by a word).
 */
export const TRAILING_BLANKS = /(?<![ \t])[ \t]+$/u

export function stripXmlIllegal(text: string): string {
  return text.replace(XML_ILLEGAL, '')
}

export function normaliseText(text: string): string {
  return stripXmlIllegal(text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\u00A0/g, ' '))
    .split('\n')
    .map((line) => line.replace(TRAILING_BLANKS, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
