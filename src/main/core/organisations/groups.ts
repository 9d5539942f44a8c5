import type { Transaction } from 'kysely'
import type { StakeholderGroup } from '../../../shared/domain/dto'
import type { Db } from '../db/database'
import type { Database } from '../db/schema'

export async function listGroups(db: Db): Promise<StakeholderGroup[]> {
  return db.selectFrom('stakeholder_groups').select(['id', 'name', 'position']).orderBy('position').execute()
}

/** The group of that name (any case), created at the end of the order when it is new. */
export async function groupIdFor(trx: Transaction<Database>, name: string): Promise<number> {
  const existing = await trx.selectFrom('stakeholder_groups').select('id').where('name', '=', name).executeTakeFirst()
  if (existing) return existing.id
  const last = await trx.selectFrom('stakeholder_groups').select((eb) => eb.fn.max('position').as('max')).executeTakeFirst()
  const inserted = await trx
    .insertInto('stakeholder_groups')
    .values({ name, position: (last?.max ?? -1) + 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}
