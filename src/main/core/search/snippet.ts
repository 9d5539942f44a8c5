// Snippets as data: FTS5's snippet() marks each hit with two control characters that letter text
// can never hold (normaliseText removes them), and the marked string becomes [{ text, hit }] so
// the interface can show hits with <mark> and never needs v-html.
import type { SnippetPart } from '../../../shared/domain/review-dto'

export const HIT_START = '\u0002'
export const HIT_END = '\u0003'
/** Tokens of context in a snippet (FTS5 allows at most 64). */
export const SNIPPET_TOKENS = 24

export function snippetParts(marked: string | null): SnippetPart[] {
  if (!marked) return []
  const parts: SnippetPart[] = []
  let hit = false
  for (const piece of marked.split(/([\u0002\u0003])/)) {
    if (piece === HIT_START) hit = true
    else if (piece === HIT_END) hit = false
    else if (piece) {
      const text = piece.replace(/\s+/g, ' ')
      const last = parts.at(-1)
      if (last && last.hit === hit) last.text += text
      else parts.push({ text, hit })
    }
  }
  return parts
}

/** The opening of a text as a snippet without hits (for results listed by filters alone). */
export function openingParts(text: string | null, max = 160): SnippetPart[] {
  if (!text) return []
  const flat = text.replace(/\s+/g, ' ').trim()
  return [{ text: flat.length > max ? `${flat.slice(0, max).replace(/\s+\S*$/, '')}…` : flat, hit: false }]
}

export function plainSnippet(parts: SnippetPart[]): string {
  return parts.map((p) => p.text).join('')
}
