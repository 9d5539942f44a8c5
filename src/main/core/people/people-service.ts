// Roles: an editor changes everything, a reader only reads. The dispatcher asks `roleOf` before
// every method the contract marks as a write (shared/api/method-kinds.ts) and refuses a reader's.
// The acting name is what the desktop or the CLI's --as says, so a role keeps honest people from
// slips, not a determined one from the archive: the database server's own grants do that.
import { AppError } from '../../../shared/api/errors'
import type { Person, Role } from '../../../shared/api/people'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import type { Executor } from '../db/database'
import { forgetPerson, peopleByName, roleNamed, upsertRole } from './people-repository'

/** A person's role: as named in the people table, else editor (also when nobody is named). */
export async function roleOf(db: Executor, name: string): Promise<Role> {
  return (await roleNamed(db, name.trim())) ?? 'editor'
}

export function listPeople(ctx: CoreContext): Promise<Person[]> {
  return peopleByName(ctx.db)
}

export async function setRole(ctx: CoreContext, input: { name: string; role: Role | null }): Promise<Person[]> {
  const name = input.name.trim()
  if (name === '') throw new AppError('invalid_input', 'Give the person’s name as they appear in the history (the desktop user or display name).')
  await ctx.db.transaction().execute(async (trx) => {
    const before = (await roleNamed(trx, name)) ?? null
    if (input.role === null) await forgetPerson(trx, name)
    else await upsertRole(trx, name, input.role)
    await writeAudit(trx, { at: ctx.now(), actor: ctx.actor, action: input.role === null ? 'Forgot a person’s role' : 'Set a person’s role', entity: 'person', entityId: null, before: { name, role: before }, after: { name, role: input.role } })
  })
  return peopleByName(ctx.db)
}

/** The refusal of a reader's write, in one sentence. */
export function readerRefusal(name: string): AppError {
  return new AppError('forbidden', `${name} is a reader of this archive, so nothing was changed; ask an editor to make the change, or to make you an editor.`)
}
