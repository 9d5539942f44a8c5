// The progress summary as plain data: what the Word builder turns into a document. The model is
// assembled from the database by summary-model-from-db.ts; the builder never touches the database,
// so it is a pure function that tests can drive with hand-made models.
import type { Status } from '../../../shared/domain/status'

export interface SummaryModel {
  /** The document's title, e.g. "Summary of progress made against the report's recommendations". */
  title: string
  /** The source report, e.g. "Intimidation in Public Life (2017)"; shown under the title. */
  reportTitle: string
  cycleName: string
  /** Optional introduction, one string per paragraph, in the narratives' light markup (*emphasis*). */
  introduction: string[]
  /** One section per stakeholder group, already in the configured order; empty groups left out. */
  sections: SummarySection[]
  /** The annex table, or null when it is switched off. */
  annex: AnnexRow[] | null
  /** The list of correspondence received in the cycle, or null when switched off. */
  correspondence: CorrespondenceItem[] | null
  /** Footnotes on (real Word footnotes) or off (citations left out). */
  footnotes: boolean
  page: PageSettings
  properties: DocumentProperties
}

export interface SummarySection {
  /** Stakeholder group name, e.g. "Political parties": becomes a Heading 1. */
  heading: string
  /** What the committee found originally, one string per paragraph in light markup (may be empty). */
  framing: string[]
  /** Narrative paragraphs from the cycle's assessments, in recommendation order. */
  paragraphs: NarrativeParagraph[]
}

/** A paragraph of narrative: text runs with citations at the places they were cited. */
export interface NarrativeParagraph {
  /** Numbers of the recommendations this paragraph speaks to (for the annex cross-reference). */
  recommendations: string[]
  parts: NarrativePart[]
}

export type NarrativePart =
  | { kind: 'text'; text: string; emphasis?: boolean }
  | { kind: 'citation'; citation: Citation }

export interface Citation {
  letterId: number
  /** Footnote text, e.g. "Letter from IPSO to the Committee, 4 March 2021". */
  text: string
  /** Used once the letter has been cited in full, e.g. "IPSO letter, 4 March 2021". */
  shortText?: string
}

export interface AnnexRow {
  number: string
  recommendation: string
  addressees: string
  status: Status
  /** Short evidence text, e.g. "Letter from IPSO, 4 March 2021; E-mail from Meta, 12 May 2021". */
  evidence: string
}

export interface CorrespondenceItem {
  date: string | null
  organisation: string
  subject: string | null
}

export interface PageSettings {
  /** Font family of the whole document, e.g. "Arial". */
  fontFamily: string
  /** Body text size in points, e.g. 12. */
  fontSizePt: number
  /** Page margins in millimetres (A4 portrait). */
  marginsMm: { top: number; right: number; bottom: number; left: number }
}

export interface DocumentProperties {
  title: string
  author: string
  /** ISO date the document is dated (from the injected clock, for determinism). */
  date: string
}
