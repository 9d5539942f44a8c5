// The opening of a text as a snippet, when there are no words to mark. Snippets with hits are
// made in highlight.ts; a snippet as one plain string is src/shared/domain/snippet-text.ts.
import type { SnippetPart } from '../../../shared/domain/review-dto'

/** The opening of a text as a snippet without hits (for results listed by filters alone). */
export function openingParts(text: string | null, max = 160): SnippetPart[] {
  if (!text) return []
  const flat = text.replace(/\s+/g, ' ').trim()
  return [{ text: flat.length > max ? `${flat.slice(0, max).replace(/\s+\S*$/, '')}…` : flat, hit: false }]
}
