// The dashboard's counting SQL: evidence within a cycle's dates, letters waiting to be linked and
// promises falling due, per stakeholder group. Dates are compared on their first ten characters
// (the ISO day), which both SQLite and PostgreSQL read with substr.
import { sql } from 'kysely'
import type { Executor } from '../db/database'
import { anyOf } from '../db/dialect/aggregates'

/** Recommendations with a link from an incoming letter dated between `from` and `to` (ISO days, inclusive). */
export async function recommendationsEvidencedBetween(db: Executor, from: string, to: string): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`SELECT DISTINCT k.recommendation_id AS id FROM links k JOIN letters l ON l.id = k.letter_id
        WHERE l.direction = 'incoming' AND l.deleted_at IS NULL AND substr(l.letter_date, 1, 10) BETWEEN ${from} AND ${to}`.execute(db)
  return rows.map((r) => r.id)
}

/**
 * For each assessment of the cycle with chosen evidence: whether any of it (1) or none (0) is an
 * incoming letter dated between `from` and `to`.
 */
export async function chosenEvidenceCurrency(db: Executor, cycleId: number, from: string, to: string): Promise<{ id: number; current: number }[]> {
  const { rows } = await sql<{ id: number; current: number }>`SELECT a.recommendation_id AS id,
            ${anyOf(db, sql`l.direction = 'incoming' AND substr(l.letter_date, 1, 10) BETWEEN ${from} AND ${to}`)} AS current
          FROM assessment_evidence e JOIN assessments a ON a.id = e.assessment_id JOIN links k ON k.id = e.link_id JOIN letters l ON l.id = k.letter_id
          WHERE a.cycle_id = ${cycleId} AND l.deleted_at IS NULL GROUP BY a.recommendation_id`.execute(db)
  return rows
}

/** Incoming letters with no link, counted per sender's group (null: no known sender). */
export async function unlinkedIncomingByGroup(db: Executor): Promise<{ group_id: number | null; n: number }[]> {
  const { rows } = await sql<{ group_id: number | null; n: number }>`SELECT o.group_id, count(*) AS n FROM letters l LEFT JOIN organisations o ON o.id = l.organisation_id
      WHERE l.direction = 'incoming' AND l.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM links k WHERE k.letter_id = l.id) GROUP BY o.group_id`.execute(db)
  return rows
}

/** Open commitments due on or before `dueBy`, counted per the letter's sender's group. */
export async function openCommitmentsDueByGroup(db: Executor, dueBy: string): Promise<{ group_id: number | null; n: number }[]> {
  const { rows } = await sql<{ group_id: number | null; n: number }>`SELECT o.group_id, count(*) AS n FROM commitments c JOIN letters l ON l.id = c.letter_id LEFT JOIN organisations o ON o.id = l.organisation_id
      WHERE c.status = 'open' AND c.due_on <= ${dueBy} AND l.deleted_at IS NULL GROUP BY o.group_id`.execute(db)
  return rows
}
