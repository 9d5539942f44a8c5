// A small, careful RTF-to-text reader. RTF is a tree of {groups} and \control words; only the
// visible text matters. It honours \ansicpg for \'hh bytes, \uN with its \ucN fallback count,
// skips \* destinations, font and colour tables, style sheets, pictures and embedded objects,
// and never recurses. Groups nested deeper than any real document (MAX_DEPTH) are counted, not
// stacked: a file nested a million groups deep costs a counter, and its reading time stays in
// proportion to its length (a million saved states made the collector's work grow faster).
import iconv from 'iconv-lite'
import { decodeText } from '../decode-text'
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

interface State {
  skip: boolean
  uc: number
}

export function extractRtf(bytes: Uint8Array): Extraction {
  return plainText(rtfToText(decodeText(bytes)))
}

export function rtfToText(rtf: string): string {
  const out: string[] = []
  let pendingBytes: number[] = []
  let codePage = 'windows-1252'
  const stack: State[] = []
  let state: State = { skip: false, uc: 1 }
  let fallbackToSkip = 0
  let overflow = 0 // groups open beyond MAX_DEPTH
  let groupStart = false

  const flushBytes = () => {
    if (pendingBytes.length === 0) return
    out.push(iconv.decode(Buffer.from(pendingBytes), iconv.encodingExists(codePage) ? codePage : 'windows-1252'))
    pendingBytes = []
  }
  const emit = (text: string) => {
    if (state.skip) return
    flushBytes()
    out.push(text)
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
        if (SKIP.has(name) && wasGroupStart) state.skip = true
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
        if (!state.skip && /^[0-9a-fA-F]{2}$/.test(hex)) pendingBytes.push(parseInt(hex, 16))
        continue
      }
      if (fallbackToSkip > 0) {
        fallbackToSkip--
        continue
      }
      if (next === '\\' || next === '{' || next === '}') emit(next)
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
    // A run of plain text up to the next control character.
    let end = i + 1
    while (end < rtf.length && !'\\{}\r\n'.includes(rtf[end]!)) end++
    emit(rtf.slice(i, end))
    i = end
  }
  flushBytes()
  return out.join('')
}
