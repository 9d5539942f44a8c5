// The committee's narrative is stored as plain text with a tiny markup, so that it diffs, searches
// and exports cleanly and needs no HTML anywhere:
//   - paragraphs are separated by a blank line (single line breaks inside a paragraph are spaces);
//   - *words between single asterisks* are emphasised (italic in Word);
//   - \* is a literal asterisk.
// The Word export splits paragraphs on blank lines; `parseNarrative` gives the runs of each.

export interface NarrativeRun {
  text: string
  emphasis: boolean
}

export type NarrativeParagraph = NarrativeRun[]

/** Paragraphs of the narrative, each as runs of plain and emphasised text. */
export function parseNarrative(narrative: string): NarrativeParagraph[] {
  return narrativeParagraphs(narrative).map(parseRuns)
}

/** The paragraphs as strings, markup untouched: split on blank lines, lines joined with spaces. */
export function narrativeParagraphs(narrative: string): string[] {
  return narrative
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.split('\n').map((line) => line.trim()).join(' ').trim())
    .filter((p) => p.length > 0)
}

/** The narrative as it reads, without markup (for search snippets, CSV, plain previews). */
export function narrativePlainText(narrative: string): string {
  return parseNarrative(narrative)
    .map((runs) => runs.map((r) => r.text).join(''))
    .join('\n\n')
}

function parseRuns(paragraph: string): NarrativeRun[] {
  const runs: NarrativeRun[] = []
  let text = ''
  let emphasis = false
  const flush = () => {
    if (text) runs.push({ text, emphasis })
    text = ''
  }
  for (let i = 0; i < paragraph.length; i++) {
    const ch = paragraph[i]!
    if (ch === '\\' && paragraph[i + 1] === '*') {
      text += '*'
      i++
    } else if (ch === '*' && (emphasis || paragraph.indexOf('*', i + 1) > i + 1)) {
      // An opening asterisk counts only when a closing one follows, so "5 * 3" stays as written.
      flush()
      emphasis = !emphasis
    } else {
      text += ch
    }
  }
  flush()
  return runs
}

/** Writes runs back as markup (the inverse of parseNarrative for one paragraph). */
export function formatRuns(runs: NarrativeRun[]): string {
  return runs.map((r) => (r.emphasis ? `*${r.text.replace(/\*/g, '\\*')}*` : r.text.replace(/\*/g, '\\*'))).join('')
}
