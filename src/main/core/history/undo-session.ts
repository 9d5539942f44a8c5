// Undo and redo of the last actions of this session (this run of the app, the harness or one CLI
// command). The stacks hold audit rows: any audited change with a change set, written by this
// session's person after the session began, can be undone. Rather than have every service report
// to the session, the session reads the audit log for what is new each time it is asked, so a
// service only has to audit its change set to become undoable.
import type { HistoryState, HistoryStep } from '../../../shared/domain/review-dto'
import { writeAudit } from '../audit/write-audit'
import type { CoreContext } from '../context'
import { lastAuditId, undoableAuditRowsAfter } from './audit-repository'
import { applyChanges, invertChanges, type RowChange } from './changes'

interface StackEntry {
  auditId: number
  action: string
  entity: string
  entityId: number | null
  changes: RowChange[]
}

/** How many actions can be undone; older ones stay in the audit log but leave the stack. */
const MAX_DEPTH = 100

export class UndoSession {
  private readonly undoStack: StackEntry[] = []
  private readonly redoStack: StackEntry[] = []
  /** Audit rows written by undo and redo themselves, which must not become undoable actions. */
  private readonly ownRows = new Set<number>()
  private seenUpTo: number

  /** `actor`: whose changes this session undoes; `startAfterAuditId`: the last audit row before it began. */
  constructor(
    private readonly ctx: CoreContext,
    private readonly actor: string,
    startAfterAuditId: number,
  ) {
    this.seenUpTo = startAfterAuditId
  }

  async state(): Promise<HistoryState> {
    await this.catchUp()
    return this.describe()
  }

  async undo(): Promise<HistoryStep> {
    await this.catchUp()
    const entry = this.undoStack.pop()
    if (!entry) return { ...this.describe(), applied: null }
    // A change that can no longer be undone (replay throws) stays popped: otherwise every later
    // Ctrl+Z would stop at it. The person is told why, and older actions can still be undone.
    await this.replay(entry, invertChanges(entry.changes), `Undid: ${entry.action}`)
    this.redoStack.push(entry)
    return { ...this.describe(), applied: entry.action }
  }

  async redo(): Promise<HistoryStep> {
    await this.catchUp()
    const entry = this.redoStack.pop()
    if (!entry) return { ...this.describe(), applied: null }
    try {
      await this.replay(entry, entry.changes, `Redid: ${entry.action}`)
    } catch (error) {
      this.redoStack.length = 0
      throw error
    }
    this.undoStack.push(entry)
    return { ...this.describe(), applied: entry.action }
  }

  private async replay(entry: StackEntry, changes: RowChange[], action: string): Promise<void> {
    const auditId = await this.ctx.db.transaction().execute(async (trx) => {
      await applyChanges(trx, changes, entry.action)
      return writeAudit(trx, {
        at: this.ctx.now(),
        actor: this.actor,
        action,
        entity: entry.entity,
        entityId: entry.entityId,
        before: { auditId: entry.auditId },
        after: { action: entry.action },
        changes,
      })
    })
    this.ownRows.add(auditId)
  }

  /** Takes in the undoable changes audited since last time; a new action empties the redo stack. */
  private generation = 0

  private async catchUp(): Promise<void> {
    // After a backup was restored the stacks describe another file: start afresh from its end.
    if ((this.ctx.databaseGeneration ?? 0) !== this.generation) {
      this.generation = this.ctx.databaseGeneration ?? 0
      this.undoStack.length = 0
      this.redoStack.length = 0
      this.ownRows.clear()
      this.seenUpTo = await lastAuditId(this.ctx.db)
    }
    const rows = await undoableAuditRowsAfter(this.ctx.db, this.seenUpTo, this.actor)
    for (const row of rows) {
      this.seenUpTo = Math.max(this.seenUpTo, row.id)
      if (this.ownRows.has(row.id) || row.changes_json === null) continue
      this.undoStack.push({ auditId: row.id, action: row.action, entity: row.entity, entityId: row.entity_id, changes: JSON.parse(row.changes_json) as RowChange[] })
      if (this.undoStack.length > MAX_DEPTH) this.undoStack.shift()
      this.redoStack.length = 0
    }
  }

  private describe(): HistoryState {
    const undo = this.undoStack.at(-1)
    const redo = this.redoStack.at(-1)
    return { canUndo: Boolean(undo), canRedo: Boolean(redo), undoLabel: undo?.action ?? null, redoLabel: redo?.action ?? null }
  }
}
