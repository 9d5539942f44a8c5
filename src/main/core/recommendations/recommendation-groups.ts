// Which stakeholder groups each recommendation concerns: the groups it is addressed to directly,
// and the groups of the organisations it is addressed to. Per-group views (dashboard, year on year)
// count a recommendation in every group it concerns.
import type { Db } from '../db/database'

export interface GroupInfo {
  id: number
  name: string
  position: number
}

export async function recommendationGroups(db: Db): Promise<{ groups: GroupInfo[]; byRecommendation: Map<number, Set<number>> }> {
  const groups = await db.selectFrom('stakeholder_groups').select(['id', 'name', 'position']).orderBy('position').execute()
  const rows = await db
    .selectFrom('recommendation_addressees as ra')
    .leftJoin('organisations as o', 'o.id', 'ra.organisation_id')
    .select(['ra.recommendation_id', 'ra.group_id', 'o.group_id as organisation_group_id'])
    .execute()
  const byRecommendation = new Map<number, Set<number>>()
  for (const row of rows) {
    const group = row.group_id ?? row.organisation_group_id
    if (group === null) continue
    const set = byRecommendation.get(row.recommendation_id) ?? new Set<number>()
    set.add(group)
    byRecommendation.set(row.recommendation_id, set)
  }
  return { groups, byRecommendation }
}
