// The styles of the progress summary. Everything is formatted through Word's built-in styles
// (Normal, Title, Subtitle, Heading 1/2, footnote text) rather than direct formatting, so that the
// secretariat can restyle the document in Word, the navigation pane shows the sections and an
// inserted table of contents picks the headings up.
import { LineRuleType, type IStylesOptions } from 'docx'
import type { PageSettings } from './summary-model'

/** Style ids as Word spells its built-in styles (ids, not display names). */
export const STYLE = {
  title: 'Title',
  subtitle: 'Subtitle',
  heading1: 'Heading1',
  heading2: 'Heading2',
  footnoteText: 'FootnoteText',
  tableText: 'TableText',
} as const

/** Dark, formal heading colour; 12:1 contrast on white. */
const HEADING_COLOUR = '1F3864'
/** Quieter grey for the subtitle line; still 7:1 on white. */
const SUBTITLE_COLOUR = '595959'

const pt = (points: number): number => Math.round(points * 20) // twips
const halfPt = (points: number): number => Math.round(points * 2) // w:sz units

/** Sizes derived from the body size, so a 11 pt or 14 pt document keeps its proportions. */
export function fontSizes(page: PageSettings) {
  const body = page.fontSizePt > 0 ? page.fontSizePt : 12
  return {
    body,
    title: Math.max(22, Math.round(body * 2)),
    subtitle: body + 2,
    heading1: body + 4,
    heading2: body + 1,
    // Footnotes, tables and the footer: two points smaller, never below 8 pt.
    small: Math.max(8, body - 2),
  }
}

/** A heading level (Word's Heading 1 or 2): bold, in the heading colour, kept with what follows, in the navigation pane's outline. */
function heading(id: string, name: string, outlineLevel: number, space: { before: number; after: number }, size: number, font: string) {
  return {
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    paragraph: { spacing: { ...space, line: 240, lineRule: LineRuleType.AUTO }, keepNext: true, keepLines: true, outlineLevel },
    run: { font, size, bold: true, color: HEADING_COLOUR },
  }
}

/** Body spacing: 8 pt after each paragraph, 1.15 lines; no empty paragraphs are ever used. */
export const BODY_SPACING = { after: pt(8), line: 276, lineRule: LineRuleType.AUTO } as const

export function summaryStyles(page: PageSettings): IStylesOptions {
  const size = fontSizes(page)
  const font = page.fontFamily || 'Arial'
  return {
    default: {
      document: {
        // en-GB so that Word checks the spelling of the secretariat's edits in British English.
        run: { font, size: halfPt(size.body), language: { value: 'en-GB' } },
        paragraph: { spacing: BODY_SPACING },
      },
      // These replace docx's defaults field by field (paragraph and run as a whole), so both are given.
      footnoteText: {
        paragraph: { spacing: { after: pt(2), line: 240, lineRule: LineRuleType.AUTO } },
        run: { size: halfPt(size.small) },
      },
      footnoteTextChar: { run: { size: halfPt(size.small) } },
    },
    // A paragraph style given here takes the place of docx's default with the same id, whole, so
    // the name, inheritance and "next" are repeated. outlineLevel puts the headings in the
    // navigation pane and the table of contents even where a reader does not know the style name.
    paragraphStyles: [
      {
        id: STYLE.title,
        name: 'Title',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        paragraph: { spacing: { after: pt(6), line: 240, lineRule: LineRuleType.AUTO }, keepNext: true },
        run: { font, size: halfPt(size.title), bold: true, color: HEADING_COLOUR },
      },
      {
        id: STYLE.subtitle,
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        paragraph: { spacing: { after: pt(18) }, keepNext: true },
        run: { font, size: halfPt(size.subtitle), color: SUBTITLE_COLOUR },
      },
      heading(STYLE.heading1, 'Heading 1', 0, { before: pt(18), after: pt(6) }, halfPt(size.heading1), font),
      heading(STYLE.heading2, 'Heading 2', 1, { before: pt(12), after: pt(4) }, halfPt(size.heading2), font),
      {
        // Our own style for text in table cells: smaller, single-spaced, no gap after.
        id: STYLE.tableText,
        name: 'Table Text',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        run: { size: halfPt(size.small) },
      },
    ],
  }
}
