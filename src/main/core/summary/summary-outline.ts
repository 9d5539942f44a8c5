// A preview of the document's outline, for the export panel: what sections there will be, in what
// order, and how much each holds. Read from the same model the Word builder uses.
import type { SummaryOutline } from '../../../shared/domain/dto'
import { ANNEX_HEADING, CORRESPONDENCE_HEADING } from './summary-headings'
import type { NarrativeParagraph, SummaryModel } from './summary-model'

export function outlineOf(model: SummaryModel): SummaryOutline {
  const items: SummaryOutline['items'] = model.sections.map((section) => ({
    level: 1,
    text: section.heading,
    paragraphs: section.framing.length + section.paragraphs.length,
    footnotes: model.footnotes ? section.paragraphs.reduce((sum, p) => sum + distinctCitations(p), 0) : 0,
  }))
  if (model.annex) items.push({ level: 1, text: ANNEX_HEADING, paragraphs: model.annex.length, footnotes: 0 })
  if (model.correspondence) items.push({ level: 1, text: CORRESPONDENCE_HEADING, paragraphs: model.correspondence.length, footnotes: 0 })
  return { title: model.title, subtitle: [model.reportTitle, model.cycleName].filter(Boolean).join(' – '), items }
}

function distinctCitations(paragraph: NarrativeParagraph): number {
  return new Set(paragraph.parts.flatMap((part) => (part.kind === 'citation' ? [part.citation.letterId] : []))).size
}
