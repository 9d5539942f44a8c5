// Word (.docx): the ZIP is checked first (zip-guard), then the text is read straight from the
// document's XML (one line per paragraph). That is many times faster than building mammoth's
// document model, which is kept for the one thing it does better: its HTML rendering tells which
// paragraphs are headings or wholly bold or underlined (a fallback subject, needed only without a "Re:" line).
import { AppError } from '../../../../shared/api/errors'
import { HEADING_BLOCKS, pickHeading, type HeadingBlock } from './heading'
import { decodeEntities, withoutElements } from './xml-text'
import { readZipSafely } from './zip-guard'
import { plainText, type Extraction, type ExtractLimits } from './types'

/** Parts mammoth's raw text leaves out: page headers (where letterheads live) and notes. */
const BODY = /^word\/document\d*\.xml$/
const HEADER = /^word\/header\d*\.xml$/
const NOTES = /^word\/(footnotes|endnotes)\.xml$/

export async function extractDocx(bytes: Uint8Array, fileName: string, limits: ExtractLimits): Promise<Extraction> {
  const parts = await readZipSafely(bytes, fileName, limits, (name) => BODY.test(name) || HEADER.test(name) || NOTES.test(name))
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let body: string
  let heading: string | null = null
  const documentXml = [...parts].find(([name]) => BODY.test(name))?.[1]
  try {
    if (!documentXml) throw new Error('no word/document.xml')
    // Paragraphs of the body are separated by a blank line, as mammoth and Word's own "plain text" do.
    body = wordXmlText(documentXml.toString('utf8'), '\n\n')
    // The heading is only a fallback subject: reading the document a second time for it is
    // worth it only when the letter has no "Re:" or "Subject:" line.
    if (!hasSubjectLine(body)) {
      // Pictures are replaced by nothing: they are not needed for text and would only cost time.
      // mammoth is loaded only here, the first time a letter needs it.
      const { default: mammoth } = await import('mammoth')
      const html = await mammoth.convertToHtml({ buffer }, { styleMap: ['u => u'], convertImage: mammoth.images.imgElement(async () => ({ src: '' })) })
      heading = findHeading(html.value)
    }
  } catch {
    throw new AppError('unsupported_file', `${fileName} looks like a Word document but could not be read; it may be damaged. Open it in Word, save it again and import it again.`)
  }
  const text = (pattern: RegExp) => [...parts].filter(([name]) => pattern.test(name)).sort(([a], [b]) => a.localeCompare(b)).map(([, xml]) => wordXmlText(xml.toString('utf8'))).filter(Boolean)
  // A letterhead in the page header reads first, as on paper; notes come last.
  const header = [...new Set(text(HEADER))].filter((h) => !body.includes(h)).join('\n')
  const notes = text(NOTES).join('\n\n')
  return plainText([header, body, notes].filter((part) => part.trim()).join('\n\n'), { heading })
}

/**
 * A run's text, a tab or a line break. Attributes are read up to the next "<" or ">" only, so a
 * tag left open reads no further than the next tag: every character is tried by one start.
 */
export const WORD_RUN_PIECE = /<w:t(?:\s[^<>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)(?:\s[^<>]*)?\/>/g

/** The text of a WordprocessingML part: one line per paragraph (its DTD, if any, was refused). */
export function wordXmlText(xml: string, separator = '\n'): string {
  // Text boxes are stored twice (modern shape and a fallback for old Word): keep one copy.
  return withoutElements(xml, '<mc:Fallback>', '</mc:Fallback>')
    .split('</w:p>')
    .map((paragraph) => decodeEntities([...paragraph.matchAll(WORD_RUN_PIECE)].map((m) => m[1] ?? (m[2] === 'tab' ? '\t' : '\n')).join('')))
    .map((line) => line.trim())
    .filter(Boolean)
    .join(separator)
}

function hasSubjectLine(text: string): boolean {
  return text.split('\n', 60).some((line) => /^\s*(re|subject|subj)\s*:\s*\S/i.test(line))
}

/** How much of mammoth's HTML is searched for a heading: the first 30 blocks of any real letter. */
export const HEADING_HTML_CHARS = 256 * 1024
const BLOCK_OPEN = /<(p|h[1-6]|li)\b[^<>]*>/g

/**
 * Paragraphs, headings and list items with what is inside them, as /<(p|h[1-6]|li)\b[^>]*>([\s\S]*?)<\/\1>/g
 * would give, in one pass: the pattern read to the end from every unclosed "<p>". The next
 * closing tag of each name is found once and kept until passed; once one is missing, every
 * later opening tag of that name is unclosed too.
 */
export function* htmlBlocks(html: string): Generator<{ name: string; inner: string }> {
  const open = new RegExp(BLOCK_OPEN.source, 'g')
  const nextClose = new Map<string, number>()
  for (let match = open.exec(html); match; match = open.exec(html)) {
    const name = match[1]!
    const from = open.lastIndex
    let close = nextClose.get(name)
    if (close === undefined || (close >= 0 && close < from)) {
      close = html.indexOf(`</${name}>`, from)
      nextClose.set(name, close)
    }
    if (close < 0) continue
    yield { name, inner: html.slice(from, close) }
    open.lastIndex = close + name.length + 3
  }
}

/**
 * One <strong> run from start to end. Found with indexOf: /<\/strong>[\s\S]+<strong>/ read to
 * the end of the block from every "</strong>", quadratic in a paragraph of alternating bold.
 */
export function isWhollyBold(inner: string): boolean {
  if (!inner.startsWith('<strong>') || !inner.endsWith('</strong>')) return false
  // Two runs side by side ("</strong><strong>") still read as one, as Word splits runs at will.
  const firstClose = inner.indexOf('</strong>')
  return inner.indexOf('<strong>', firstClose + '</strong>'.length + 1) < 0
}

/**
 * The subject-like heading of a letter (heading.ts), from the first blocks of mammoth's HTML.
 * Underlined runs come as <u> (mammoth drops underlining unless a style map keeps it).
 */
export function findHeading(fullHtml: string): string | null {
  const blocks: HeadingBlock[] = []
  // The heading is among the first blocks; mammoth closes every element it opens, so the cut
  // leaves at most one block unclosed, read once.
  for (const block of htmlBlocks(fullHtml.slice(0, HEADING_HTML_CHARS))) {
    const inner = block.inner.trim()
    const text = decodeEntities(inner.replace(/<[^<>]+>/g, '')).replace(/\s+/g, ' ').trim()
    if (!text) continue
    // Underlined and bold alike: "<u>…</u>" and "<strong><u>…</u></strong>" are emphasised lines.
    const emphasised = isWhollyBold(inner.replaceAll('<u>', '<strong>').replaceAll('</u>', '</strong>'))
    blocks.push({ text, heading: /^h[1-3]$/.test(block.name), emphasised })
    if (blocks.length >= HEADING_BLOCKS) break
  }
  return pickHeading(blocks)
}
