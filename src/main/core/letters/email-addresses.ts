// E-mail addresses in a letter's text, found by scanning out from each "@" rather than by a
// regular expression. The pattern this replaces, /[\w.+-]+@([\w-]+(?:\.[\w-]+)+)/g, tried every
// start inside a long run of letters and digits and read to its end each time looking for an "@":
// a 120 KB pasted key took 83 s. Here each character is looked at a bounded number of times
// (at most twice: once from the "@" on its left, once from the "@" on its right).

export interface FoundAddress {
  /** The whole address as written ("j.bloggs@ipso.co.uk"). */
  address: string
  /** The part after the "@", as written. */
  domain: string
  index: number
}

const isWordChar = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95
const isLocalChar = (code: number) => isWordChar(code) || code === 46 || code === 43 || code === 45 // . + -
const isLabelChar = (code: number) => isWordChar(code) || code === 45 // -

/**
 * Every address in the text, in order: a local part of letters, digits and . _ + -, an "@", and a
 * domain of at least two labels separated by single dots. The same matches, leftmost first and
 * never overlapping, as the regular expression above.
 */
export function* findEmailAddresses(text: string): Generator<FoundAddress> {
  let consumed = 0 // the end of the last address: the next one's local part cannot reach back into it
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at
    while (start > consumed && isLocalChar(text.charCodeAt(start - 1))) start--
    if (start === at) continue
    const end = domainEnd(text, at + 1)
    if (end < 0) continue
    consumed = end
    yield { address: text.slice(start, end), domain: text.slice(at + 1, end), index: start }
  }
}

/** Where a domain starting at `from` ends (labels joined by single dots, two at least), or -1. */
function domainEnd(text: string, from: number): number {
  let labels = 0
  let end = -1
  let i = from
  for (;;) {
    const labelStart = i
    while (i < text.length && isLabelChar(text.charCodeAt(i))) i++
    if (i === labelStart) break
    labels++
    end = i
    if (text.charCodeAt(i) !== 46) break // "."
    i++
  }
  return labels >= 2 ? end : -1
}
