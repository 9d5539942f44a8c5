// The stakeholder groups' order, which the dashboard, the order list and the summary all read:
// the groups' own positions. A register file puts the groups it names first, in the order they
// first appear in it; moving groups by hand is one change, whatever the number of steps.
import { AppError } from '../../../shared/api/errors'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import type { Executor, Trx } from '../db/database'
import { ChangeRecorder } from '../history/changes'
import { groupForCategory } from './group-names'
import { groupsWithMembers } from './group-order-repository'
import { groupsInOrder } from './organisation-repository'

export interface GroupInUse {
  name: string
  /** Its organisations' names, alphabetically. */
  organisations: string[]
}

/**
 * The groups in the summary's order that have something to report on: organisations, or a
 * recommendation addressed to the whole group (left out, that recommendation would vanish from
 * the summary). Empty built-in groups are left out.
 */
export async function groupsInUse(db: Executor): Promise<GroupInUse[]> {
  const rows = await groupsWithMembers(db)
  return rows
    .map((row) => ({ name: row.name, organisations: JSON.parse(row.organisations) as string[], addressed: row.addressed === 1 }))
    .filter((group) => group.organisations.length > 0 || group.addressed)
    .map(({ name, organisations }) => ({ name, organisations }))
}

/** The group a category or typed name means (see groupForCategory), added at the end of the order when it means none. */
export async function resolveGroup(trx: Trx, recorder: ChangeRecorder, category: string): Promise<number> {
  const wanted = category.trim()
  if (!wanted) throw new AppError('invalid_input', 'An organisation needs a stakeholder group.')
  const groups = await groupsInOrder(trx)
  const name = groupForCategory(wanted, groups.map((g) => g.name)) ?? groups.find((g) => g.name.toLowerCase() === wanted.toLowerCase())?.name
  const existing = groups.find((g) => g.name === name)
  if (existing) return existing.id
  const position = groups.reduce((max, g) => Math.max(max, g.position), -1) + 1
  return recorder.insert('stakeholder_groups', { name: wanted, position })
}

/** Puts these groups first, in this order, and the rest after them in their present order; records only the positions that change. */
export async function placeGroupsFirst(trx: Trx, recorder: ChangeRecorder, firstIds: readonly number[]): Promise<void> {
  const groups = await groupsInOrder(trx)
  const first = [...new Set(firstIds)]
  const rest = groups.filter((g) => !first.includes(g.id)).map((g) => g.id)
  const order = [...first, ...rest]
  for (const [position, id] of order.entries()) {
    const group = groups.find((g) => g.id === id)
    if (group && group.position !== position) await recorder.update('stakeholder_groups', id, { position })
  }
}

/**
 * A new order for the groups, named (any case) first to last: one audited, undoable change. Groups
 * not named keep their order after the named ones (so the order list, which shows only groups in
 * use, can send just those).
 */
export async function reorderGroups(ctx: CoreContext, names: readonly string[]): Promise<GroupInUse[]> {
  await ctx.db.transaction().execute(async (trx) => {
    const groups = await groupsInOrder(trx)
    const ids: number[] = []
    for (const name of names) {
      const group = groups.find((g) => g.name.toLowerCase() === name.trim().toLowerCase())
      if (!group) throw new AppError('invalid_input', `There is no stakeholder group called “${name}”; the groups are: ${groups.map((g) => g.name).join('; ')}.`)
      if (ids.includes(group.id)) throw new AppError('invalid_input', `The group “${group.name}” is named twice in the new order.`)
      ids.push(group.id)
    }
    const recorder = new ChangeRecorder(trx)
    await placeGroupsFirst(trx, recorder, ids)
    if (recorder.changes.length === 0) return
    await writeAudit(trx, {
      at: ctx.now(),
      actor: ctx.actor,
      action: 'Reordered stakeholder groups',
      entity: 'group',
      entityId: null,
      before: { order: groups.map((g) => g.name) },
      after: { order: (await groupsInOrder(trx)).map((g) => g.name) },
      changes: recorder.changes,
    })
  })
  return groupsInUse(ctx.db)
}
