// Stakeholder groups: the register's categories, in the committee's order.
import type { Transaction } from 'kysely'
import type { StakeholderGroup } from '../../../shared/domain/dto'
import type { Db } from '../db/database'
import type { Database } from '../db/schema'
import { groupIdByName, groupsInOrder, insertGroup, lastGroupPosition } from './organisation-repository'

export async function listGroups(db: Db): Promise<StakeholderGroup[]> {
  return groupsInOrder(db)
}

/** The group of that name (any case), created at the end of the order when it is new. */
export async function groupIdFor(trx: Transaction<Database>, name: string): Promise<number> {
  const existing = await groupIdByName(trx, name)
  if (existing !== undefined) return existing
  return insertGroup(trx, name, ((await lastGroupPosition(trx)) ?? -1) + 1)
}
