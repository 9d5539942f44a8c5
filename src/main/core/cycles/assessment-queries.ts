// A recommendation's assessment in each cycle, with the evidence it rests on and a warning when a
// status has no evidence from the cycle. Evidence is what a person chose for the assessment, or,
// until they choose, every link from an incoming letter dated within the cycle. The committee's own
// letters never count as evidence of progress (they are not cited in the summary either).
import type { AssessmentView, Cycle } from '../../../shared/domain/dto'
import type { EvidenceView } from '../../../shared/domain/review-dto'
import { DEFAULT_STATUS, parseStatus, type Response, type Status } from '../../../shared/domain/status'
import type { Db } from '../db/database'
import { assessmentsOfRecommendation, chosenEvidenceOf, evidenceLinksOf, type EvidenceLinkRow } from './assessment-repository'
import { listCycles } from './cycle-service'

/** A letter date falls in a cycle when it lies between its dates (an open end admits anything). */
export function dateInCycle(date: string | null, cycle: Pick<Cycle, 'startsOn' | 'endsOn'>): boolean {
  if (!date) return false
  const day = date.slice(0, 10)
  return (cycle.startsOn === null || day >= cycle.startsOn) && (cycle.endsOn === null || day <= cycle.endsOn)
}

/** One view per cycle, newest cycle first; cycles without an assessment show "Not yet assessed". */
export async function assessmentViews(db: Db, recommendationId: number): Promise<AssessmentView[]> {
  const cycles = await listCycles(db)
  const rows = await assessmentsOfRecommendation(db, recommendationId)
  const links = await evidenceLinksOf(db, recommendationId)
  const chosen = await chosenEvidenceOf(db, rows.map((r) => r.id))
  return cycles.map((cycle) => {
    const row = rows.find((r) => r.cycle_id === cycle.id)
    const status = toStatus(row?.status)
    const view = (link: EvidenceLinkRow): EvidenceView => {
      // Evidence whose letter is in the bin is still shown where it was chosen, flagged, but counts for nothing.
      const { direction, deleted_at, ...rest } = link
      const inBin = deleted_at !== null
      return { ...rest, inBin, inCycle: !inBin && direction === 'incoming' && dateInCycle(link.date, cycle) }
    }
    const chosenIds = new Set(chosen.filter((c) => c.assessment_id === row?.id).map((c) => c.link_id))
    const evidence = chosenIds.size > 0 ? links.filter((l) => chosenIds.has(l.linkId)).map(view) : links.map(view).filter((e) => e.inCycle)
    return {
      cycleId: cycle.id,
      cycleName: cycle.name,
      status,
      response: (row?.response as Response | null | undefined) ?? null,
      narrative: row?.narrative ?? '',
      updatedAt: row?.updated_at ?? null,
      updatedBy: row?.updated_by ?? null,
      version: row?.version ?? 0,
      evidence,
      evidenceChosen: chosenIds.size > 0,
      noCurrentEvidence: status !== DEFAULT_STATUS && !evidence.some((e) => e.inCycle),
    }
  })
}

export function toStatus(value: string | null | undefined): Status {
  return (value && parseStatus(value)) || DEFAULT_STATUS
}
