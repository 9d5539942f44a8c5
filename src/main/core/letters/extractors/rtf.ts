// A small, careful RTF-to-text reader. RTF is a tree of {groups} and \control words; only the
// visible text matters. It decodes \'hh bytes (and double-byte pairs, and raw 8-bit bytes) in
// the code page of the current font's \fcharset, else \ansicpg; honours \uN with its \ucN fallback count,
// skips \* destinations, font and colour tables, style sheets, pictures and embedded objects,
// and never recurses. Groups nested deeper than any real document (MAX_DEPTH) are counted, not
// stacked: a file nested a million groups deep costs a counter, and its reading time stays in
// proportion to its length (a million saved states made the collector's work grow faster).
// It also notes which of the first paragraphs are wholly bold or underlined (a subject line), and
// when the file names no code page at all, tells Western from Central European by the letters.
import iconv from 'iconv-lite'
import { bestLatinReading, LATIN_CODE_PAGES } from '../latin-code-page'
import { paragraphTracker, pickHeading, type HeadingBlock } from './heading'
import { plainText, type Extraction } from './types'

/** Destinations whose content is never text of the letter. */
const SKIP = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'objdata', 'themedata', 'colorschememapping',
  'datastore', 'latentstyles', 'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'xmlnstbl', 'mmathPr',
  'fldinst', 'filetbl', 'revtbl', 'pgdsctbl', 'bkmkstart', 'bkmkend', 'shppict', 'nonshppict', 'private',
  'userprops', 'docvar', 'footer', 'footerl', 'footerr', 'footerf', 'wgrffmtfilter', 'pnseclvl', 'listtext',
])

const SYMBOLS: Record<string, string> = {
  par: '\n', line: '\n', sect: '\n\n', page: '\n\n', row: '\n', cell: '\t', tab: '\t',
  emdash: '—', endash: '–', lquote: '‘', rquote: '’', ldblquote: '“', rdblquote: '”', bullet: '•',
  emspace: ' ', enspace: ' ', qmspace: ' ',
}

/** Word and WordPad nest a few dozen groups deep; deeper ones share the state at this depth. */
export const MAX_DEPTH = 256

/**
 * The Windows code page of each \fcharset a font may declare. ANSI (0), default (1) and symbol (2)
 * fonts use the document's \ansicpg; Johab (130) has no decoder and falls back to it too.
 */
const CHARSET_CODE_PAGES: Record<number, string> = {
  77: 'macintosh', 128: 'cp932', 129: 'cp949', 134: 'cp936', 136: 'cp950', 161: 'cp1253', 162: 'cp1254', 163: 'cp1258',
  177: 'cp1255', 178: 'cp1256', 186: 'cp1257', 204: 'cp1251', 222: 'cp874', 238: 'cp1250', 254: 'cp437', 255: 'cp850',
}

/** In a double-byte code page a lead byte takes the next byte with it, even a plain ASCII one. */
function isLeadByte(codePage: string, byte: number): boolean {
  if (codePage === 'cp932') return (byte >= 0x81 && byte <= 0x9f) || (byte >= 0xe0 && byte <= 0xfc)
  if (codePage === 'cp936' || codePage === 'cp949' || codePage === 'cp950') return byte >= 0x81 && byte <= 0xfe
  return false
}

interface State {
  skip: boolean
  uc: number
  /** The \fN in force, or null for the document's default font (\deffN). */
  font: number | null
  /** Inside {\fonttbl …}, where \fN and \fcharsetN define fonts rather than switch to them. */
  fontTable: boolean
  /** \b and \ul (any underline style) in force: a wholly emphasised line may be the subject. */
  bold: boolean
  underline: boolean
}

export function extractRtf(bytes: Uint8Array): Extraction {
  // RTF is 7-bit by its specification; a writer that put raw 8-bit bytes in meant them in the
  // font's code page, so unless the whole file is UTF-8 they are read as bytes (Latin-1 keeps them).
  let rtf: string
  let rawBytes = false
  try {
    rtf = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    rtf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
    rawBytes = true
  }
  let read = readRtf(rtf, rawBytes)
  // 8-bit characters in a file that names no code page (no \ansicpg, no font \fcharset) were
  // written in the writer's own: Western or Central European, told by the letters they make.
  if (read.undeclaredBytes) {
    const readings = LATIN_CODE_PAGES.map((encoding) => ({ encoding, read: encoding === DEFAULT_CODE_PAGE ? read : readRtf(rtf, rawBytes, encoding) }))
    read = bestLatinReading(readings.map((reading) => ({ ...reading, text: reading.read.text })), DEFAULT_CODE_PAGE).read
  }
  return plainText(read.text, { heading: pickHeading(read.blocks) })
}

export function rtfToText(rtf: string, rawBytes = false): string {
  return readRtf(rtf, rawBytes).text
}

/** What RTF's specification says 8-bit characters are when the file names no code page. */
const DEFAULT_CODE_PAGE = 'windows-1252'

interface RtfReading {
  text: string
  /** The first paragraphs, each with whether it is wholly bold or underlined. */
  blocks: HeadingBlock[]
  /** Whether 8-bit characters were read in the default code page, the file naming none for them. */
  undeclaredBytes: boolean
}

/** Underline control words: \ul and its styles (\uld, \uldb, \ulwave…); \ulnone ends it, \ulc is its colour. */
const isUnderline = (name: string) => name === 'ul' || (name.startsWith('ul') && name !== 'ulnone' && name !== 'ulc')

function readRtf(rtf: string, rawBytes = false, defaultCodePage: string = DEFAULT_CODE_PAGE): RtfReading {
  const out: string[] = []
  const paragraphs = paragraphTracker()
  const write = (text: string) => {
    out.push(text)
    paragraphs.write(text, state.bold || state.underline)
  }
  let pendingBytes: number[] = []
  let pendingCodePage = ''
  let awaitingTrail = false
  let codePage: string | null = null // \ansicpg
  let undeclaredBytes = false
  const fontCodePages = new Map<number, string>()
  let defaultFont = 0
  let definingFont = -1
  const stack: State[] = []
  let state: State = { skip: false, uc: 1, font: null, fontTable: false, bold: false, underline: false }
  let fallbackToSkip = 0
  let overflow = 0 // groups open beyond MAX_DEPTH
  let groupStart = false

  const flushBytes = () => {
    if (pendingBytes.length === 0) return
    write(iconv.decode(Buffer.from(pendingBytes), iconv.encodingExists(pendingCodePage) ? pendingCodePage : 'windows-1252'))
    pendingBytes = []
    awaitingTrail = false
  }
  const currentCodePage = () => fontCodePages.get(state.font ?? defaultFont) ?? codePage
  const pushByte = (byte: number) => {
    const declared = currentCodePage()
    if (!declared && byte >= 0x80) undeclaredBytes = true
    const page = declared ?? defaultCodePage
    if (page !== pendingCodePage) {
      flushBytes()
      pendingCodePage = page
    }
    pendingBytes.push(byte)
    awaitingTrail = awaitingTrail ? false : isLeadByte(page, byte)
  }
  const emit = (text: string) => {
    if (state.skip) return
    flushBytes()
    write(text)
  }
  /** Bytes waiting to be decoded were written with the emphasis in force: they go before it changes. */
  const setEmphasis = (bold: boolean, underline: boolean) => {
    if (bold === state.bold && underline === state.underline) return
    flushBytes()
    state.bold = bold
    state.underline = underline
  }
  /** Plain text of a file read as bytes: its 8-bit characters are bytes in the font's code page. */
  const emitRaw = (text: string) => {
    if (state.skip) return
    for (const [index, part] of text.split(/([\x80-\xff]+)/).entries()) {
      if (index % 2 === 0) {
        if (part) emit(part)
      } else for (let k = 0; k < part.length; k++) pushByte(part.charCodeAt(k))
    }
  }

  let i = 0
  while (i < rtf.length) {
    const ch = rtf[i]!
    if (ch === '{') {
      if (stack.length < MAX_DEPTH) stack.push(state)
      else overflow++
      state = { ...state }
      groupStart = true
      i++
      continue
    }
    if (ch === '}') {
      flushBytes()
      if (overflow > 0) {
        overflow--
        state = { ...stack.at(-1)! } // the state saved at MAX_DEPTH: changes made deeper do not last
      } else state = stack.pop() ?? state
      fallbackToSkip = 0
      groupStart = false
      i++
      continue
    }
    if (ch === '\\') {
      const next = rtf[i + 1]
      const word = /^([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(rtf.slice(i + 1, i + 45))
      const wasGroupStart = groupStart
      groupStart = false
      if (word) {
        i += 1 + word[0].length
        const name = word[1]!
        const param = word[2] === undefined ? null : Number(word[2])
        if (name === 'bin' && param !== null) {
          i += Math.max(0, param) // raw binary data, never text
          continue
        }
        if (fallbackToSkip > 0 && name !== 'u') {
          fallbackToSkip--
          continue
        }
        if (SKIP.has(name) && wasGroupStart) {
          state.skip = true
          if (name === 'fonttbl') state.fontTable = true
        } else if (state.fontTable) {
          if (name === 'f' && param !== null) definingFont = param
          else if (name === 'fcharset' && param !== null && CHARSET_CODE_PAGES[param]) fontCodePages.set(definingFont, CHARSET_CODE_PAGES[param]!)
          else if (name === 'cpg' && param !== null && iconv.encodingExists(`cp${param}`)) fontCodePages.set(definingFont, `cp${param}`)
        } else if (name === 'f' && param !== null) state.font = param
        else if (name === 'plain') {
          state.font = null
          setEmphasis(false, false)
        } else if (name === 'b') setEmphasis(param !== 0, state.underline)
        else if (name === 'ulnone') setEmphasis(state.bold, false)
        else if (isUnderline(name)) setEmphasis(state.bold, param !== 0)
        else if (name === 'deff' && param !== null) defaultFont = param
        else if (name === 'ansicpg' && param !== null) codePage = `cp${param}`
        else if (name === 'uc' && param !== null) state.uc = Math.max(0, Math.min(10, param))
        else if (name === 'u' && param !== null) {
          emit(String.fromCharCode(param < 0 ? param + 65536 : param))
          fallbackToSkip = state.uc
        } else if (SYMBOLS[name] !== undefined) emit(SYMBOLS[name]!)
        continue
      }
      i += 2
      if (next === '*') {
        // {\* \destination …}: an optional destination this reader does not know; skip it.
        if (wasGroupStart) state.skip = true
        continue
      }
      if (next === "'") {
        const hex = rtf.slice(i, i + 2)
        i += 2
        if (fallbackToSkip > 0) {
          fallbackToSkip--
          continue
        }
        if (!state.skip && /^[0-9a-fA-F]{2}$/.test(hex)) pushByte(parseInt(hex, 16))
        continue
      }
      if (fallbackToSkip > 0) {
        fallbackToSkip--
        continue
      }
      if ((next === '\\' || next === '{' || next === '}') && awaitingTrail && !state.skip) pushByte(next.charCodeAt(0))
      else if (next === '\\' || next === '{' || next === '}') emit(next)
      else if (next === '~') emit('\u00a0')
      else if (next === '_') emit('-')
      else if (next === '\n' || next === '\r') emit('\n')
      continue
    }
    groupStart = false
    if (ch === '\r' || ch === '\n') {
      i++
      continue
    }
    if (fallbackToSkip > 0) {
      fallbackToSkip--
      i++
      continue
    }
    if (awaitingTrail && !state.skip) {
      // Word writes the second byte of a double-byte character as itself when it is ASCII (\'83e).
      pushByte(rtf.charCodeAt(i) & 0xff)
      i++
      continue
    }
    // A run of plain text up to the next control character.
    let end = i + 1
    while (end < rtf.length && !'\\{}\r\n'.includes(rtf[end]!)) end++
    if (rawBytes) emitRaw(rtf.slice(i, end))
    else emit(rtf.slice(i, end))
    i = end
  }
  flushBytes()
  paragraphs.finish()
  return { text: out.join(''), blocks: paragraphs.blocks, undeclaredBytes }
}
