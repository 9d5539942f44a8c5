// The subject-like heading of a letter, from its first paragraphs and how each is set: a line
// wholly in bold or underlined just after "Dear …", else a real heading, else the first wholly
// emphasised paragraph that is not the letterhead's first line. Shared by the readers that know
// how paragraphs are set (Word through mammoth's HTML, RTF, OpenDocument).

export interface HeadingBlock {
  text: string
  /** A heading in the document's outline (Word's Heading 1–3, OpenDocument's text:h). */
  heading: boolean
  /** Every visible character of the paragraph is bold or underlined. */
  emphasised: boolean
}

/** The heading is among a letter's first paragraphs: readers pass at most this many. */
export const HEADING_BLOCKS = 30

export function pickHeading(blocks: HeadingBlock[]): string | null {
  const usable = (b: HeadingBlock) => b.text.length >= 3 && b.text.length <= 200 && !/^dear\b/i.test(b.text) && !/^\d/.test(b.text)
  const dear = blocks.findIndex((b) => /^dear\b/i.test(b.text))
  if (dear >= 0) {
    const after = blocks.slice(dear + 1, dear + 3).find((b) => (b.emphasised || b.heading) && usable(b))
    if (after) return after.text
  }
  const heading = blocks.find((b) => b.heading && usable(b))
  if (heading) return heading.text
  return blocks.slice(1).find((b) => b.emphasised && usable(b) && b.text.split(' ').length >= 3)?.text ?? null
}

/**
 * Collects the first HEADING_BLOCKS paragraphs as the text is written, with whether every visible
 * character of each was bold or underlined. Each piece of text is looked at once.
 */
export function paragraphTracker() {
  const blocks: HeadingBlock[] = []
  let line = ''
  let emphasised = true
  let heading = false
  const close = () => {
    const text = line.replace(/\s+/g, ' ').trim()
    if (text) blocks.push({ text, heading, emphasised })
    line = ''
    emphasised = true
    heading = false
  }
  return {
    blocks,
    /** Text as it is written; `emphasis`: it is bold or underlined; `outline`: it is in a heading. */
    write(text: string, emphasis: boolean, outline = false) {
      if (blocks.length >= HEADING_BLOCKS) return
      const pieces = text.split('\n')
      for (const [index, piece] of pieces.entries()) {
        if (index > 0) close()
        // No paragraph of a letter's head is this long; what is past it cannot change the heading.
        if (line.length < 1000) line += piece.slice(0, 1000)
        if (/\S/.test(piece)) {
          if (!emphasis) emphasised = false
          if (outline) heading = true
        }
        if (blocks.length >= HEADING_BLOCKS) return
      }
    },
    finish() {
      if (blocks.length < HEADING_BLOCKS) close()
    },
  }
}
