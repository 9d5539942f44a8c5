// The people table's SQL: who has which role.
import type { Role } from '../../../shared/api/people'
import type { Executor } from '../db/database'

export async function peopleByName(db: Executor): Promise<{ name: string; role: Role }[]> {
  return db.selectFrom('people').select(['name', 'role']).orderBy('name').execute()
}

/** The role named for this person (any case), or undefined when they are not named. */
export async function roleNamed(db: Executor, name: string): Promise<Role | undefined> {
  return (await db.selectFrom('people').select('role').where('name', '=', name).executeTakeFirst())?.role
}

/** Sets a person's role; the primary key makes a second setting of one name an update, never a second row. */
export async function upsertRole(db: Executor, name: string, role: Role): Promise<void> {
  await db
    .insertInto('people')
    .values({ name, role })
    .onConflict((oc) => oc.column('name').doUpdateSet({ role }))
    .execute()
}

export async function forgetPerson(db: Executor, name: string): Promise<void> {
  await db.deleteFrom('people').where('name', '=', name).execute()
}
