// Text going into the Word document. Letters are imported from e-mails, PDFs and old Word files,
// so their text (and narratives pasted from it) can carry characters that XML 1.0 forbids; one of
// them makes Word refuse to open the whole file, so every string is cleaned on its way in.
import { TextRun, type IRunOptions } from 'docx'

// C0 controls other than tab, line feed and carriage return; the two non-characters U+FFFE and
// U+FFFF; and UTF-16 surrogates that are not part of a pair.
const XML_ILLEGAL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** The string with every character that XML 1.0 does not allow removed. */
export function xmlSafe(text: string): string {
  return text.replace(XML_ILLEGAL, '')
}

/** True when the text would print as nothing at all. */
export function isBlank(text: string): boolean {
  return xmlSafe(text).trim() === ''
}

type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'break'>

/**
 * Runs for one piece of text. Narratives arrive already split into paragraphs, so a newline left
 * inside a piece is a deliberate line break (an address, a quoted list) and becomes a <w:br/>.
 */
export function textRuns(text: string, style: RunStyle = {}): TextRun[] {
  const clean = xmlSafe(text)
  if (clean === '') return [] // an empty <w:t> says nothing; a cell's paragraph can be run-less
  const lines = clean.split(/\r\n|\r|\n/)
  return lines.map((line, index) => new TextRun({ ...style, text: line, ...(index > 0 ? { break: 1 } : {}) }))
}
