// What a Word binary file says about itself in the first bytes of its WordDocument stream (the
// file information block, [MS-DOC] 2.5.1): which Word wrote it and whether it is encrypted. Read
// before word-extractor, which knows only Word 97–2003 and reads an encrypted file as damaged.
import CFB from 'cfb'

export type WordBinaryKind = 'word97' | 'word6' | 'encrypted' | 'unknown'

const WORD97_IDENT = 0xa5ec
const WORD6_IDENT = 0xa5dc
/** Word 97 wrote nFib 193 (0xC1); Word 6 and 95 wrote 101–105. */
const FIRST_WORD97_NFIB = 0xc0
const F_ENCRYPTED = 0x0100

export function wordBinaryKind(bytes: Uint8Array): WordBinaryKind {
  let fib: Uint8Array
  try {
    const container = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' })
    const stream = CFB.find(container, 'WordDocument')
    if (!stream?.content || stream.content.length < 12) return 'unknown'
    fib = stream.content as Uint8Array
  } catch {
    return 'unknown'
  }
  const word = (at: number) => fib[at]! | (fib[at + 1]! << 8)
  const ident = word(0)
  if (word(0x0a) & F_ENCRYPTED) return 'encrypted'
  if (ident === WORD6_IDENT || (ident === WORD97_IDENT && word(2) < FIRST_WORD97_NFIB)) return 'word6'
  return ident === WORD97_IDENT ? 'word97' : 'unknown'
}
