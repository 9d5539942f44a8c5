// Turns a SummaryModel into the Word document the secretariat publishes. Pure: no I/O and no
// clock (the date comes from the model), so the same model always gives the same XML; the model
// is assembled elsewhere (summary-model-from-db.ts) and tests drive this with hand-made models.
import {
  AlignmentType,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  convertMillimetersToTwip,
  type FileChild,
} from 'docx'
import { annexTable, correspondenceTable } from './annex-table'
import type { TableFrame } from './docx-table'
import { corePropertiesXml } from './core-properties'
import { isBlank, textRuns, xmlSafe } from './docx-text'
import { FootnoteCollector, hasText, markupRuns, narrativeRuns, tidyFootnoteSeparators } from './footnotes'
import type { PageSettings, SummaryModel } from './summary-model'
import { STYLE, fontSizes, summaryStyles } from './summary-styles'
import { ANNEX_HEADING, CORRESPONDENCE_HEADING } from './summary-headings'
export { ANNEX_HEADING, CORRESPONDENCE_HEADING }

const DEFAULT_TITLE = 'Summary of progress made against the report’s recommendations'

/** A4 portrait in twips (210 × 297 mm), as Word writes it. */
const A4 = { width: 11906, height: 16838 }

interface PageGeometry {
  margin: { top: number; right: number; bottom: number; left: number; header: number; footer: number }
  /** Width between the margins, which the tables fill. */
  textWidth: number
}

function pageGeometry(page: PageSettings): PageGeometry {
  const twips = (mm: number) => convertMillimetersToTwip(Math.max(0, mm))
  const { top, right, bottom, left } = page.marginsMm
  const margin = { top: twips(top), right: twips(right), bottom: twips(bottom), left: twips(left) }
  // The footer sits halfway into the bottom margin (at most 12.7 mm up), so it never runs into the text.
  const footer = Math.min(twips(12.7), Math.floor(margin.bottom / 2))
  return {
    margin: { ...margin, header: footer, footer },
    textWidth: A4.width - margin.left - margin.right,
  }
}

function plain(style: string | undefined, text: string, extra: { pageBreakBefore?: boolean } = {}) {
  return new Paragraph({ ...(style ? { style } : {}), ...extra, children: textRuns(text) })
}

/**
 * Body paragraphs for a list of strings in the narratives' light markup (*emphasis* in italics),
 * leaving out blank ones (spacing comes from the style).
 */
function bodyParagraphs(texts: readonly string[]): Paragraph[] {
  return texts.filter((text) => !isBlank(text)).map((text) => new Paragraph({ children: markupRuns(text) }))
}

function subtitleOf(model: SummaryModel): string {
  return [model.reportTitle, model.cycleName]
    .map((part) => xmlSafe(part).trim())
    .filter((part) => part !== '')
    .join(' – ')
}

function body(model: SummaryModel, footnotes: FootnoteCollector | null, frame: TableFrame): FileChild[] {
  const title = [model.title, model.properties.title].find((t) => !isBlank(t)) ?? DEFAULT_TITLE
  const children: FileChild[] = [plain(STYLE.title, title)]
  const subtitle = subtitleOf(model)
  if (subtitle) children.push(plain(STYLE.subtitle, subtitle))
  children.push(...bodyParagraphs(model.introduction))

  for (const section of model.sections) {
    children.push(plain(STYLE.heading1, section.heading))
    footnotes?.startSection()
    children.push(...bodyParagraphs(section.framing))
    for (const paragraph of section.paragraphs.filter(hasText)) {
      children.push(new Paragraph({ children: narrativeRuns(paragraph, footnotes) }))
    }
  }

  if (model.annex) {
    // A page break belongs to the heading (not to an empty paragraph), so the annex starts a page.
    children.push(plain(STYLE.heading1, ANNEX_HEADING, { pageBreakBefore: true }))
    children.push(annexTable(model.annex, frame))
  }
  if (model.correspondence) {
    children.push(plain(STYLE.heading1, CORRESPONDENCE_HEADING))
    children.push(correspondenceTable(model.correspondence, frame))
  }
  return children
}

function pageFooter(page: PageSettings): Footer {
  const size = fontSizes(page).small * 2
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 0, after: 0 },
        children: [
          new TextRun({ size, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  })
}

/** Title, author and so on, as Word shows them under File › Info (British English, plain). */
function documentProperties(model: SummaryModel) {
  const report = xmlSafe(model.reportTitle).trim()
  const cycle = xmlSafe(model.cycleName).trim()
  const author = xmlSafe(model.properties.author).trim()
  return {
    title: xmlSafe(model.properties.title || model.title).trim(),
    subject: report,
    creator: author,
    lastModifiedBy: author,
    description:
      `Progress made against the recommendations${report ? ` of ${report}` : ''}` +
      `${cycle ? `: ${cycle}` : ''}.`,
  }
}

export function buildSummaryDocument(model: SummaryModel): Document {
  const geometry = pageGeometry(model.page)
  const footnotes = model.footnotes ? new FootnoteCollector() : null
  // The body is built first: building it is what numbers the footnotes.
  const frame = { textWidth: geometry.textWidth, fontSizePt: fontSizes(model.page).small }
  const children = body(model, footnotes, frame)
  const document = new Document({
    ...documentProperties(model),
    styles: summaryStyles(model.page),
    ...(footnotes && footnotes.count > 0 ? { footnotes: footnotes.notes } : {}),
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height },
            margin: geometry.margin,
          },
        },
        footers: { default: pageFooter(model.page) },
        children,
      },
    ],
  })
  tidyFootnoteSeparators(document)
  return document
}

/**
 * The .docx file. docx stamps docProps/core.xml with the current time, so that part is replaced
 * by one dated from the model (see core-properties.ts).
 */
export async function packSummary(model: SummaryModel): Promise<Buffer> {
  const document = buildSummaryDocument(model)
  const core = corePropertiesXml({ ...documentProperties(model), date: model.properties.date })
  return Packer.toBuffer(document, false, [{ path: 'docProps/core.xml', data: core }])
}
