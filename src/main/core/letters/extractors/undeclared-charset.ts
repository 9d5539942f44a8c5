// postal-mime reads a text part whose Content-Type names no charset as UTF-8, as the standard
// says (US-ASCII, of which UTF-8 is a superset). Older mail programs send 8-bit text that way in
// the sender's own code page, which would come out as replacement characters. Such a part is
// decoded here first, as a plain-text letter is (decode-text.ts: an HTML part's own <meta>
// charset, UTF-8 when it is valid, else a guess), and handed on as UTF-8. A charset the message
// names is always trusted.
import PostalMime, { type Email, type PostalMimeOptions } from 'postal-mime'
import { decodeTextReporting } from '../decode-text'
import { declaredCharset } from './html'
import type { EncodingGuess } from './types'

/** The parts of postal-mime's tree (MimeNode) read and changed here. */
interface MimeNodeLike {
  contentType: { parsed: { value: string; params: Record<string, string | undefined> } }
  content: ArrayBuffer | null
  childNodes: unknown[]
}

/** postal-mime visits every part once, through this method, before it decodes any text. */
interface PartVisitor {
  collectNode?: (node: MimeNodeLike, alternative: unknown, related: boolean) => Promise<void>
}

export interface ParsedEmail {
  email: Email
  /** The least sure guess made for a text part that named no charset, when one was needed. */
  guess: EncodingGuess | null
}

export async function parseEmail(bytes: Uint8Array, options: PostalMimeOptions): Promise<ParsedEmail> {
  const parser = new PostalMime(options)
  const visitor = parser as unknown as PartVisitor
  const collect = visitor.collectNode
  let guess: EncodingGuess | null = null
  // Should a later postal-mime visit parts differently, messages are still read (as UTF-8).
  if (typeof collect === 'function') {
    visitor.collectNode = (node, alternative, related) => {
      const found = decodeUndeclared(node)
      if (found && (!guess || found.confidence < guess.confidence)) guess = found
      return collect.call(parser, node, alternative, related)
    }
  }
  return { email: await parser.parse(bytes), guess }
}

/** Re-encodes a text part with no charset and 8-bit content as UTF-8; returns the guess made. */
function decodeUndeclared(node: MimeNodeLike): EncodingGuess | null {
  const { value, params } = node.contentType.parsed
  if (node.childNodes.length > 0 || !node.content || params.charset || !/^text\//i.test(value)) return null
  const bytes = new Uint8Array(node.content)
  if (!bytes.some((byte) => byte >= 0x80)) return null
  const { text, guess } = decodeTextReporting(bytes, /html/i.test(value) ? declaredCharset(bytes) : null)
  node.content = new TextEncoder().encode(text).buffer as ArrayBuffer
  params.charset = 'utf-8'
  return guess
}
