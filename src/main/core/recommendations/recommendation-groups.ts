// Which stakeholder groups each recommendation concerns: the groups it is addressed to directly,
// and the groups of the organisations it is addressed to. Per-group views (dashboard, year on year)
// count a recommendation in every group it concerns.
import type { Db } from '../db/database'
import { groupsInOrder } from '../organisations/organisation-repository'
import { addresseeGroups } from './recommendation-repository'

export interface GroupInfo {
  id: number
  name: string
  position: number
}

export async function recommendationGroups(db: Db): Promise<{ groups: GroupInfo[]; byRecommendation: Map<number, Set<number>> }> {
  const groups = await groupsInOrder(db)
  const rows = await addresseeGroups(db)
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
