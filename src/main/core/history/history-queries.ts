// The history of one item: every audited change that concerned it, newest first. A change
// concerns an item when it was audited against it or touched a row that refers to it (a link
// concerns its letter, its recommendation and its passage), as recorded in audit_subjects.
import type { HistoryEntity, HistoryEntry } from '../../../shared/domain/review-dto'
import type { Db } from '../db/database'
import { auditRowsConcerning, newestAuditRows, type AuditRow } from './audit-repository'

export async function itemHistory(db: Db, entity: HistoryEntity, entityId: number, limit: number): Promise<HistoryEntry[]> {
  const rows = await auditRowsConcerning(db, entity, entityId, limit)
  return rows.map((row) => toHistoryEntry(row))
}

export async function recentHistory(db: Db, limit: number): Promise<HistoryEntry[]> {
  const rows = await newestAuditRows(db, limit)
  return rows.map((row) => toHistoryEntry(row))
}

function toHistoryEntry(row: AuditRow): HistoryEntry {
  const before = row.before_json === null ? null : (JSON.parse(row.before_json) as unknown)
  const after = row.after_json === null ? null : (JSON.parse(row.after_json) as unknown)
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    summary: summarise(row.action, after),
    before,
    after,
    undoable: row.changes_json !== null,
  }
}

function summarise(action: string, after: unknown): string {
  if (!after || typeof after !== 'object') return action
  const record = after as Record<string, unknown>
  const label = record.name ?? record.fileName ?? record.status ?? record.number ?? ''
  return label ? `${action}: ${String(label)}` : action
}
