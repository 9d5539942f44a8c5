// A search snippet as one plain string, for callers that print rather than highlight (the CLI).
import type { SnippetPart } from './review-dto'

export function plainSnippet(parts: SnippetPart[]): string {
  return parts.map((p) => p.text).join('')
}
