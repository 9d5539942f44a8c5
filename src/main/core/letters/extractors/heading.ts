// The subject-like heading of a letter, from its first paragraphs and how each is set: a line
// wholly in bold or underlined just after "Dear …", else a real heading, else the first wholly
// emphasised paragraph that is not the letterhead's first line. Shared by the readers that know
// how paragraphs are set (Word through mammoth's HTML, RTF).

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
