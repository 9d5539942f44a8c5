// Turning an audited change (the item as it was and became, as the core recorded it) into lines a
// person can read: "Status: In progress → Implemented". Ids, foreign keys and bookkeeping columns
// are left out; a long text such as a narrative is offered as a word-level redline instead.
import type { DiffPart } from '../../../shared/domain/review-dto'
import { wordDiff } from '../../../shared/domain/word-diff'

export interface FieldChange {
  key: string
  label: string
  before: string | null
  after: string | null
  /** For long texts: the redline from before to after. */
  redline: DiffPart[] | null
  /** Recorded after the change only (the evidence chosen, say): shown as it became, without a before. */
  afterOnly?: boolean
}

export interface ChangeDescription {
  kind: 'created' | 'removed' | 'changed' | 'none'
  /** Facts that say where the change happened (the cycle, say) rather than what changed. */
  context: { label: string; value: string }[]
  fields: FieldChange[]
}

const HIDDEN = new Set(['id', 'updated_at', 'updated_by', 'created_at', 'created_by', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy', 'sha256', 'body_text', 'bodyText'])
const CONTEXT = new Set(['cycle', 'letter', 'recommendation', 'organisation'])
const LONG_TEXT = new Set(['narrative', 'introduction', 'text', 'quote', 'note'])
/** Facts the core records on the "after" side only; worth showing even with nothing to compare. */
const AFTER_ONLY = new Set(['evidenceLinkIds'])
const LABELS: Record<string, string> = {
  status: 'Status',
  response: 'Response',
  narrative: 'Narrative',
  evidenceLinkIds: 'Evidence',
  letter_date: 'Date',
  starts_on: 'Starts',
  ends_on: 'Ends',
  due_on: 'Due',
  due_text: 'Promise',
  email_domains: 'E-mail domains',
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function hidden(key: string): boolean {
  return HIDDEN.has(key) || /(_id|Id)$/.test(key)
}

/** "letter_date" → "Letter date", "recommendationNumber" → "Recommendation number". */
export function labelOf(key: string): string {
  if (LABELS[key]) return LABELS[key]
  const words = key
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** A value as one short line of text; null when there was none. */
export function valueText(key: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null
  if (key === 'evidenceLinkIds' && Array.isArray(value)) return value.length === 1 ? '1 link chosen' : `${value.length} links chosen`
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' || typeof item === 'number' ? String(item) : JSON.stringify(item))).join(', ') || null
  return JSON.stringify(value)
}

export function describeChange(before: unknown, after: unknown): ChangeDescription {
  const was = isRecord(before) ? before : null
  const now = isRecord(after) ? after : null
  const context: ChangeDescription['context'] = []
  for (const key of CONTEXT) {
    const value = valueText(key, now?.[key] ?? was?.[key])
    if (value) context.push({ label: labelOf(key), value })
  }
  if (!was && !now) return { kind: 'none', context, fields: [] }

  const fields: FieldChange[] = []
  if (was && now) {
    // Only what both sides recorded can be compared; a key on one side alone is bookkeeping.
    for (const key of Object.keys(now)) {
      if (AFTER_ONLY.has(key) && !(key in was)) {
        fields.push({ key, label: labelOf(key), before: null, after: valueText(key, now[key]), redline: null, afterOnly: true })
        continue
      }
      if (hidden(key) || CONTEXT.has(key) || !(key in was)) continue
      const a = valueText(key, was[key])
      const b = valueText(key, now[key])
      if (a === b) continue
      fields.push({ key, label: labelOf(key), before: a, after: b, redline: LONG_TEXT.has(key) && a && b ? wordDiff(a, b) : null })
    }
    return { kind: fields.length > 0 ? 'changed' : 'none', context, fields }
  }
  const only = (now ?? was)!
  for (const key of Object.keys(only)) {
    // The summary line already names what was added or removed ("Linked passage: 12").
    if (hidden(key) || CONTEXT.has(key) || key === 'number') continue
    const value = valueText(key, only[key])
    if (value === null) continue
    fields.push({ key, label: labelOf(key), before: now ? null : value, after: now ? value : null, redline: null })
  }
  return { kind: now ? 'created' : 'removed', context, fields }
}
