// Files that once froze the app for minutes or hours, each a few kilobytes, built here rather
// than kept as binaries. Each is an ordinary-looking letter with one run of the kind that made a
// pattern backtrack: a pasted key (letters and digits), a Word body that is one long word, an
// unclosed <mc:Fallback> flood in document.xml, and a line of spaces before a word.
import { docxLetter, withDocumentXml } from './letter-fixtures'

export interface FreezingFile {
  /** What kind of run it holds, for test names and reports. */
  kind: string
  name: string
  bytes: Uint8Array
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
const paragraph = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`
const wordDocument = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`

/** `unit` repeated to `length` characters. */
const run = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length)

export async function freezingFiles(): Promise<FreezingFile[]> {
  const encode = (text: string) => new TextEncoder().encode(text)
  const base = await docxLetter(['Home Office'])
  return [
    {
      kind: '120 KB run of letters and digits',
      name: 'pasted-key.txt',
      bytes: encode(`Home Office\n4 March 2021\nRe: Our signing key\n\nDear Chair,\n${run('aZ09xQ7k', 120 * 1024)}\n\nYours sincerely,\nJo Bloggs`),
    },
    {
      // Just under the ZIP guard's 1 MB ratio floor, so the guard lets it through to the reader.
      kind: '.docx whose body is one 1 000 000-character word',
      name: 'one-word.docx',
      bytes: await withDocumentXml(base, wordDocument(paragraph(run('aZ09xQ7k', 1_000_000)))),
    },
    {
      kind: 'unclosed <mc:Fallback> flood in document.xml',
      name: 'fallback-flood.docx',
      bytes: await withDocumentXml(base, wordDocument(`${paragraph('Home Office')}${paragraph('Re: Text boxes')}${'<mc:Fallback>x'.repeat(70_000)}`)),
    },
    {
      kind: 'line of 200 000 spaces before a word',
      name: 'spaces.txt',
      bytes: encode(`Home Office\n4 March 2021\nRe: Spacing\n\nDear Chair,\nBefore${' '.repeat(200_000)}after.\n\nYours sincerely,\nJo Bloggs`),
    },
  ]
}
