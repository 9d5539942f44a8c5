// Narrative paragraphs with their citations as real Word footnotes. Footnotes are numbered in the
// order they appear, which is the order Word numbers them in anyway; the ids we give are that order.
import {
  FootnoteReferenceRun,
  ImportedXmlComponent,
  Paragraph,
  TextRun,
  type Document,
  type ParagraphChild,
} from 'docx'
import { textRuns, xmlSafe } from './docx-text'
import type { NarrativeParagraph } from './summary-model'
import { STYLE } from './summary-styles'

export type FootnoteMap = Record<string, { children: Paragraph[] }>

/** Collects the footnotes of one document, numbering them 1, 2, 3… as they are cited. */
export class FootnoteCollector {
  readonly notes: FootnoteMap = {}
  private next = 1

  /** Adds a footnote and returns its id. */
  add(text: string): number {
    const id = this.next++
    // docx puts the footnote mark at the start of the first paragraph; the space separates it
    // from the text as Word itself does when someone inserts a footnote.
    this.notes[String(id)] = {
      children: [new Paragraph({ style: STYLE.footnoteText, children: textRuns(` ${text.trim()}`) })],
    }
    return id
  }

  get count(): number {
    return this.next - 1
  }
}

/**
 * The runs of a narrative paragraph. A letter cited twice in one paragraph gets one footnote (the
 * second citation is dropped: two marks pointing at the same letter only clutter the line). When
 * `footnotes` is null, citations are left out altogether.
 */
export function narrativeRuns(
  paragraph: NarrativeParagraph,
  footnotes: FootnoteCollector | null,
): ParagraphChild[] {
  const cited = new Set<number>()
  const children: ParagraphChild[] = []
  let afterMark = false
  for (const part of paragraph.parts) {
    if (part.kind === 'text') {
      children.push(...textRuns(part.text, part.emphasis ? { italics: true } : {}))
      afterMark = false
      continue
    }
    if (!footnotes || cited.has(part.citation.letterId)) continue
    if (xmlSafe(part.citation.text).trim() === '') continue // an empty footnote helps nobody
    cited.add(part.citation.letterId)
    // Marks side by side read as one number (¹²³ for 1, 2, 3): separate them with a raised comma.
    if (afterMark) children.push(new TextRun({ text: ',', superScript: true }))
    children.push(new FootnoteReferenceRun(footnotes.add(part.citation.text)))
    afterMark = true
  }
  return children
}

/** True when a narrative paragraph has words to print (citations alone do not make a paragraph). */
export function hasText(paragraph: NarrativeParagraph): boolean {
  return paragraph.parts.some((part) => part.kind === 'text' && xmlSafe(part.text).trim() !== '')
}

// The separator line above the footnotes and its continuation, as Word writes them. docx 9 gives
// both a footnote mark (<w:footnoteRef/>), which belongs only in real footnotes; Word has been
// reported to offer to "repair" files with it, so the two are replaced.
const SEPARATORS = [
  '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>',
  '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>',
]

/**
 * Replaces docx's footnote separators with Word's own. docx's footnotes part starts with its
 * namespace attributes, then the separator, then the continuation separator; the tests check the
 * result, so a change in docx shows up there rather than in Word.
 */
export function tidyFootnoteSeparators(document: Document): void {
  const parts = (document.FootNotes.View as unknown as { root: unknown[] }).root
  parts.splice(1, 2, ...SEPARATORS.map((xml) => ImportedXmlComponent.fromXmlString(xml)))
}
