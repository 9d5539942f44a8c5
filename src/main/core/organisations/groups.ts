// Stakeholder groups: the register's categories, in the committee's order.
import type { StakeholderGroup } from '../../../shared/domain/dto'
import type { Db } from '../db/database'
import { groupsInOrder } from './organisation-repository'

export async function listGroups(db: Db): Promise<StakeholderGroup[]> {
  return groupsInOrder(db)
}
