// What the progress summary reads for one cycle: organisations' groups, the narratives, the
// evidence links and the evidence chosen for the cycle, the letters received, and the report.
import { sql } from 'kysely'
import type { Executor } from '../db/database'
import { jsonGroupArray } from '../db/dialect/aggregates'
import { ascNullsFirst } from '../db/dialect/ordering'

/** Each organisation's name with the name of its stakeholder group. */
export async function groupOfEachOrganisation(db: Executor): Promise<{ name: string; group: string }[]> {
  return db.selectFrom('organisations as o').innerJoin('stakeholder_groups as g', 'g.id', 'o.group_id').select(['o.name', 'g.name as group']).execute()
}

/** Each recommendation's assessment narrative in the cycle. */
export async function narrativesOfCycle(db: Executor, cycleId: number) {
  return db.selectFrom('assessments').select(['recommendation_id', 'narrative']).where('cycle_id', '=', cycleId).execute()
}

/** The report the recommendations come from (the first one). */
export async function firstReport(db: Executor) {
  return db.selectFrom('reports').select(['title', 'year']).orderBy('id').executeTakeFirst()
}

/** Incoming letters dated within the bounds given (either may be open), oldest first. */
export async function incomingLettersBetween(db: Executor, startsOn: string | null, endsOn: string | null) {
  let query = db
    .selectFrom('letters as l')
    .leftJoin('organisations as o', 'o.id', 'l.organisation_id')
    .select(['l.letter_date as date', 'o.name as organisation', 'l.subject'])
    .where('l.direction', '=', 'incoming')
    .where('l.deleted_at', 'is', null)
  if (startsOn) query = query.where('l.letter_date', '>=', startsOn)
  if (endsOn) query = query.where('l.letter_date', '<=', endsOn)
  return query.orderBy('l.letter_date', ascNullsFirst(db)).orderBy('l.id').execute()
}

/**
 * Every link from an incoming letter, oldest letter first, with the sender and its aliases (a JSON
 * array as text, on either engine: db/dialect/aggregates.ts).
 */
export async function linksFromIncomingLetters(db: Executor) {
  return db
    .selectFrom('links as k')
    .innerJoin('letters as l', 'l.id', 'k.letter_id')
    .leftJoin('organisations as o', 'o.id', 'l.organisation_id')
    .select([
      'k.id as linkId',
      'k.recommendation_id',
      'l.id as letterId',
      'l.letter_date',
      'l.format',
      'o.name as organisation',
      sql<string>`(SELECT ${jsonGroupArray(db, sql`alias`)} FROM organisation_aliases WHERE organisation_id = o.id)`.as('aliases'),
    ])
    .where('l.direction', '=', 'incoming')
    .where('l.deleted_at', 'is', null)
    .orderBy('l.letter_date', ascNullsFirst(db))
    .orderBy('l.id')
    .execute()
}

/** The links a person chose as evidence for each recommendation's assessment in the cycle. */
export async function chosenEvidenceOfCycle(db: Executor, cycleId: number) {
  return db
    .selectFrom('assessment_evidence as e')
    .innerJoin('assessments as a', 'a.id', 'e.assessment_id')
    .select(['a.recommendation_id', 'e.link_id'])
    .where('a.cycle_id', '=', cycleId)
    .execute()
}
