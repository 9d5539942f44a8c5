// Narrative paragraphs with their citations as real Word footnotes. Footnotes are numbered in the
// order they appear, which is the order Word numbers them in anyway; the ids we give are that order.
import {
  FootnoteReferenceRun,
  ImportedXmlComponent,
  Paragraph,
  type Document,
  type ParagraphChild,
} from 'docx'
import { parseNarrative } from '../../../shared/domain/narrative'
import { textRuns, xmlSafe } from './docx-text'
import type { Citation, NarrativeParagraph } from './summary-model'
import { STYLE } from './summary-styles'

export type FootnoteMap = Record<string, { children: Paragraph[] }>

/**
 * Collects the footnotes of one document, numbering them 1, 2, 3… as they are cited. A letter is
 * cited in full the first time and by its short form after that ("Cabinet Office letter, 14 March
 * 2019"), as a published summary does. A citation of only the letters the footnote just before
 * cited, in the same section, adds no footnote: two marks in a row pointing at the same letter
 * only clutter the page, and the reader has the source from the mark before.
 */
export class FootnoteCollector {
  readonly notes: FootnoteMap = {}
  private next = 1
  private readonly citedBefore = new Set<number>()
  /** The letters of the footnote just before, while no heading has come between. */
  private previous: ReadonlySet<number> = new Set()

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

  /**
   * One footnote for citations that stand together (several letters at one place), or null when
   * it would repeat the footnote just before. Letters cited twice in the group count once.
   */
  cite(citations: readonly Citation[]): number | null {
    const letters = new Map<number, Citation>()
    for (const citation of citations) if (!letters.has(citation.letterId) && xmlSafe(citation.text).trim() !== '') letters.set(citation.letterId, citation)
    if (letters.size === 0) return null
    if ([...letters.keys()].every((id) => this.previous.has(id))) return null
    const texts = [...letters.values()].map((citation, index) => {
      const text = this.citedBefore.has(citation.letterId) && citation.shortText ? citation.shortText : citation.text
      return index === 0 ? text.trim() : lowerInitialWord(text.trim())
    })
    for (const id of letters.keys()) this.citedBefore.add(id)
    this.previous = new Set(letters.keys())
    return this.add(texts.join('; '))
  }

  /** A heading starts a new stretch: its first citation is footnoted even if the last one was the same. */
  startSection(): void {
    this.previous = new Set()
  }

  get count(): number {
    return this.next - 1
  }
}

/** "Letter from …" becomes "letter from …" inside a list; names ("Cabinet Office letter") stay. */
function lowerInitialWord(text: string): string {
  return /^(Letter|E-mail|Email)\b/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text
}

/**
 * The runs of a narrative paragraph. Citations that stand together (with no words between) share
 * one footnote; a letter cited again later in the same paragraph is not cited twice. When
 * `footnotes` is null, citations are left out altogether.
 */
export function narrativeRuns(
  paragraph: NarrativeParagraph,
  footnotes: FootnoteCollector | null,
): ParagraphChild[] {
  const cited = new Set<number>()
  const children: ParagraphChild[] = []
  let waiting: Citation[] = []
  const flush = () => {
    const fresh = waiting.filter((citation) => !cited.has(citation.letterId))
    waiting = []
    if (!footnotes || fresh.length === 0) return
    const id = footnotes.cite(fresh)
    if (id === null) return
    for (const citation of fresh) cited.add(citation.letterId)
    children.push(new FootnoteReferenceRun(id))
  }
  for (const part of paragraph.parts) {
    if (part.kind === 'citation') {
      waiting.push(part.citation)
      continue
    }
    // Spaces alone between two citations do not part them.
    if (waiting.length > 0 && xmlSafe(part.text).trim() === '') continue
    flush()
    children.push(...textRuns(part.text, part.emphasis ? { italics: true } : {}))
  }
  flush()
  return children
}

/** Runs for text in the narratives' light markup (*emphasis*), e.g. the introduction and framing. */
export function markupRuns(text: string): ParagraphChild[] {
  return parseNarrative(text).flatMap((runs) => runs.flatMap((run) => textRuns(run.text, run.emphasis ? { italics: true } : {})))
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
