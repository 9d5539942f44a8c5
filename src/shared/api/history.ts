// The audit log, each item's history, and undo/redo of a person's own changes.
import { z } from 'zod'
import type { AuditEntry } from '../domain/dto'
import { HISTORY_ENTITIES, type HistoryEntry, type HistoryState, type HistoryStep } from '../domain/review-dto'
import { id, limit, method, none } from './define'

export const historyContract = {
  'audit.recent': method<AuditEntry[]>()(z.object({ limit: z.number().int().min(1).max(500) }).strict()),
  /** Every audited change that concerned an item, newest first (default 100). */
  'history.forItem': method<HistoryEntry[]>()(z.object({ entity: z.enum(HISTORY_ENTITIES), entityId: id, limit: limit(500) }).strict()),
  /** What Ctrl+Z and Ctrl+Shift+Z would do now for the person calling. */
  'history.state': method<HistoryState>()(none),
  /** Undoes the caller's last undoable action in this session (links, passages, assessments,
   *  rejections, commitments, cycles, saved searches), itself audited. `applied` is null when there was nothing. */
  'history.undo': method<HistoryStep>()(none),
  'history.redo': method<HistoryStep>()(none),
} as const
