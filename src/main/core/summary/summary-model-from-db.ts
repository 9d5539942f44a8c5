// Assembles the progress summary for one cycle from the database: sections by stakeholder group
// in the configured order, narratives in recommendation order, and the letters relied on as
// footnote citations.
import { AppError } from '../../../shared/api/errors'
import { shortName, withArticle } from '../../../shared/domain/organisation-names'
import { formatLongDate } from '../../../shared/domain/dates'
import { narrativeParagraphs, parseNarrative } from '../../../shared/domain/narrative'
import type { CoreContext } from '../context'
import { listGroups } from '../organisations/groups'
import { listRecommendations } from '../recommendations/recommendation-queries'
import { resolveCycle } from '../cycles/cycle-service'
import { getExportSettings } from './export-settings'
import { subjectWorthListing } from './correspondence-subject'
import { preamblesByGroup } from './preamble-service'
import { chosenEvidenceOfCycle, firstReport, groupOfEachOrganisation, incomingLettersBetween, linksFromIncomingLetters, narrativesOfCycle } from './summary-repository'
import type { AnnexRow, Citation, CorrespondenceItem, NarrativeParagraph, SummaryModel, SummarySection } from './summary-model'

export interface SummaryOptions {
  cycleId?: number | undefined
  /** Group names in the order wanted; default: the configured order. */
  groups?: string[] | undefined
  /** Each of these overrides the stored export settings for this export only. */
  includeAnnex?: boolean | undefined
  includeCorrespondence?: boolean | undefined
  footnotes?: boolean | undefined
}

export async function buildSummaryModel(ctx: CoreContext, options: SummaryOptions = {}): Promise<SummaryModel> {
  const cycle = await resolveCycle(ctx.db, options.cycleId)
  if (!cycle) throw new AppError('not_found', 'There is no reporting cycle yet; create one before exporting the progress summary.')
  const recommendations = await listRecommendations(ctx, cycle.id)
  if (recommendations.length === 0) throw new AppError('not_found', 'There are no recommendations to report on; import the report’s recommendations first.')

  const organisationGroups = new Map(
    (await groupOfEachOrganisation(ctx.db)).map((r) => [r.name, r.group]),
  )
  const settings = await getExportSettings(ctx.db)
  const order = await groupOrder(ctx, options.groups, settings.groupOrder)
  const assessments = new Map(
    (await narrativesOfCycle(ctx.db, cycle.id)).map((a) => [a.recommendation_id, a.narrative]),
  )
  const evidence = await evidenceByRecommendation(ctx, cycle.id, cycle.startsOn, cycle.endsOn)

  const framing = await preamblesByGroup(ctx.db, cycle.id)
  const sections = new Map<string, SummarySection>(order.map((group) => [group, { heading: group, framing: narrativeParagraphs(framing.get(group) ?? ''), paragraphs: [] }]))
  for (const recommendation of recommendations) {
    const groups = recommendation.addressees.map((a) => (a.kind === 'group' ? a.name : (organisationGroups.get(a.name) ?? 'Other')))
    // A recommendation is told once, in the first of its addressees' groups in the export's order.
    const home = order.find((group) => groups.includes(group))
    const narrative = assessments.get(recommendation.id)?.trim()
    if (!home || !narrative) continue
    const citations = evidence.get(recommendation.id) ?? []
    const paragraphs = parseNarrative(narrative)
    paragraphs.forEach((runs, index) => {
      const paragraph: NarrativeParagraph = { recommendations: [recommendation.number], parts: runs.map((run) => ({ kind: 'text' as const, text: run.text, ...(run.emphasis ? { emphasis: true } : {}) })) }
      // The letters relied on are cited once, at the end of the recommendation's last paragraph.
      if (index === paragraphs.length - 1) for (const { letterId, text, shortText } of citations) paragraph.parts.push({ kind: 'citation', citation: { letterId, text, shortText } })
      sections.get(home)?.paragraphs.push(paragraph)
    })
  }

  const annex: AnnexRow[] | null = !(options.includeAnnex ?? settings.includeAnnex) ? null : recommendations.map((r) => ({
    number: r.number,
    recommendation: r.title,
    addressees: r.addressees.map((a) => a.name).join('; '),
    status: r.status,
    evidence: (evidence.get(r.id) ?? []).map((e) => e.annex).join('; ') || 'None this cycle',
  }))

  const report = await firstReport(ctx.db)
  return {
    title: settings.title,
    reportTitle: report ? `${report.title}${report.year ? ` (${report.year})` : ''}` : '',
    cycleName: cycle.name,
    introduction: narrativeParagraphs(settings.introduction),
    sections: [...sections.values()].filter((s) => s.paragraphs.length > 0),
    annex,
    correspondence: (options.includeCorrespondence ?? settings.includeCorrespondence) ? await correspondence(ctx, cycle.startsOn, cycle.endsOn) : null,
    footnotes: options.footnotes ?? settings.footnotes,
    page: { fontFamily: settings.fontFamily, fontSizePt: settings.fontSizePt, marginsMm: settings.marginsMm },
    properties: { title: settings.title, author: settings.author, date: ctx.now().slice(0, 10) },
  }
}

/** Letters received in the cycle, oldest first. */
async function correspondence(ctx: CoreContext, startsOn: string | null, endsOn: string | null): Promise<CorrespondenceItem[]> {
  const rows = await incomingLettersBetween(ctx.db, startsOn, endsOn)
  return rows.map((row) => ({ date: row.date, organisation: row.organisation ?? 'Unknown sender', subject: subjectWorthListing(row.subject) }))
}

async function groupOrder(ctx: CoreContext, wanted: string[] | undefined, configured: string[]): Promise<string[]> {
  if (!wanted || wanted.length === 0) return configured
  const all = (await listGroups(ctx.db)).map((g) => g.name)
  const unknown = wanted.filter((name) => !all.some((g) => g.toLowerCase() === name.toLowerCase()))
  if (unknown.length > 0) throw new AppError('invalid_input', `Unknown stakeholder group: ${unknown.join(', ')}. The groups are: ${all.join('; ')}.`)
  return wanted.map((name) => all.find((g) => g.toLowerCase() === name.toLowerCase()) ?? name)
}

interface Evidence extends Citation {
  shortText: string
  /** Short form for the annex, e.g. "IPSO, 4 March 2021": the name or its own initials, never another alias. */
  annex: string
}

async function evidenceByRecommendation(ctx: CoreContext, cycleId: number, startsOn: string | null, endsOn: string | null): Promise<Map<number, Evidence[]>> {
  // Evidence is what others told the committee: its own letters are not cited.
  const rows = await linksFromIncomingLetters(ctx.db)
  // Where a person chose the evidence for this cycle's assessment, only those links count;
  // otherwise every link from a letter dated within the cycle does.
  const chosen = await chosenEvidenceOfCycle(ctx.db, cycleId)
  const chosenByRecommendation = new Map<number, Set<number>>()
  for (const row of chosen) chosenByRecommendation.set(row.recommendation_id, (chosenByRecommendation.get(row.recommendation_id) ?? new Set()).add(row.link_id))

  const map = new Map<number, Evidence[]>()
  for (const row of rows) {
    const picked = chosenByRecommendation.get(row.recommendation_id)
    if (picked ? !picked.has(row.linkId) : row.letter_date && ((startsOn && row.letter_date < startsOn) || (endsOn && row.letter_date > endsOn))) continue
    const list = map.get(row.recommendation_id) ?? []
    const annex = [row.organisation ? shortName(row.organisation, JSON.parse(row.aliases) as string[]) : 'Unknown sender', row.letter_date ? formatLongDate(row.letter_date) : 'undated'].join(', ')
    if (!list.some((c) => c.letterId === row.letterId)) list.push({ letterId: row.letterId, text: citationText(row), shortText: citationShortText(row), annex })
    map.set(row.recommendation_id, list)
  }
  return map
}

/** The form after the first full citation: "Cabinet Office letter, 14 March 2019". */
function citationShortText(row: { letter_date: string | null; format: string; organisation: string | null }): string {
  const kind = row.format === 'eml' || row.format === 'msg' ? 'e-mail' : 'letter'
  const text = row.organisation ? `${row.organisation} ${kind}` : `Letter from an unidentified sender`
  return row.letter_date ? `${text}, ${formatLongDate(row.letter_date)}` : `${text}, undated`
}

function citationText(row: { letter_date: string | null; format: string; organisation: string | null }): string {
  const kind = row.format === 'eml' || row.format === 'msg' ? 'E-mail' : 'Letter'
  const who = row.organisation ? withArticle(row.organisation) : 'an unidentified sender'
  const text = `${kind} from ${who} to the Committee`
  return row.letter_date ? `${text}, ${formatLongDate(row.letter_date)}` : text
}
