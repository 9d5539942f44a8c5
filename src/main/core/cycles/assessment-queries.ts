// A recommendation's assessment in each cycle, with the evidence it rests on and a warning when a
// status has no evidence from the cycle. Evidence is what a person chose for the assessment, or,
// until they choose, every link from an incoming letter dated within the cycle. The committee's own
// letters never count as evidence of progress (they are not cited in the summary either).
import type { AssessmentView, Cycle } from '../../../shared/domain/dto'
import type { EvidenceView } from '../../../shared/domain/review-dto'
import { DEFAULT_STATUS, parseStatus, type Response, type Status } from '../../../shared/domain/status'
import type { Db } from '../db/database'
import { listCycles } from './cycle-service'

/** A letter date falls in a cycle when it lies between its dates (an open end admits anything). */
export function dateInCycle(date: string | null, cycle: Pick<Cycle, 'startsOn' | 'endsOn'>): boolean {
  if (!date) return false
  const day = date.slice(0, 10)
  return (cycle.startsOn === null || day >= cycle.startsOn) && (cycle.endsOn === null || day <= cycle.endsOn)
}

interface EvidenceRow extends Omit<EvidenceView, 'inCycle'> {
  direction: 'incoming' | 'outgoing'
}

async function evidenceRows(db: Db, recommendationId: number): Promise<EvidenceRow[]> {
  return db
    .selectFrom('links as k')
    .innerJoin('letters as l', 'l.id', 'k.letter_id')
    .leftJoin('organisations as o', 'o.id', 'l.organisation_id')
    .leftJoin('passages as p', 'p.id', 'k.passage_id')
    .select(['k.id as linkId', 'l.id as letterId', 'o.name as organisation', 'l.letter_date as date', 'l.subject', 'p.quote', 'k.note', 'l.direction'])
    .where('k.recommendation_id', '=', recommendationId)
    .orderBy('l.letter_date', 'desc')
    .orderBy('k.id')
    .execute()
}

/** One view per cycle, newest cycle first; cycles without an assessment show "Not yet assessed". */
export async function assessmentViews(db: Db, recommendationId: number): Promise<AssessmentView[]> {
  const cycles = await listCycles(db)
  const rows = await db.selectFrom('assessments').selectAll().where('recommendation_id', '=', recommendationId).execute()
  const links = await evidenceRows(db, recommendationId)
  const chosen = rows.length === 0 ? [] : await db.selectFrom('assessment_evidence').select(['assessment_id', 'link_id']).where('assessment_id', 'in', rows.map((r) => r.id)).execute()
  return cycles.map((cycle) => {
    const row = rows.find((r) => r.cycle_id === cycle.id)
    const status = toStatus(row?.status)
    const view = (link: EvidenceRow): EvidenceView => {
      const { direction, ...rest } = link
      return { ...rest, inCycle: direction === 'incoming' && dateInCycle(link.date, cycle) }
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
      evidence,
      evidenceChosen: chosenIds.size > 0,
      noCurrentEvidence: status !== DEFAULT_STATUS && !evidence.some((e) => e.inCycle),
    }
  })
}

export function toStatus(value: string | null | undefined): Status {
  return (value && parseStatus(value)) || DEFAULT_STATUS
}
