// A list edited as text, one entry a line (names may hold commas: "Department for Culture, Media
// and Sport"), and back again.

/** The entries of a one-per-line text: trimmed, blank lines dropped. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

export function textOf(entries: readonly string[]): string {
  return entries.join('\n')
}
