// Kysely's view of the tables created by the migrations (snake_case as stored).
import type { Generated } from 'kysely'

export interface Database {
  stakeholder_groups: { id: Generated<number>; name: string; position: number }
  organisations: { id: Generated<number>; name: string; group_id: number; created_at: string; version: Generated<number>; updated_by: string | null; updated_at: string | null }
  organisation_aliases: { id: Generated<number>; organisation_id: number; alias: string }
  organisation_domains: { id: Generated<number>; organisation_id: number; domain: string }
  /** Words of an organisation's letterhead address ("100 Parliament Street"), matched like aliases. */
  organisation_addresses: { id: Generated<number>; organisation_id: number; fragment: string }
  reports: { id: Generated<number>; title: string; year: number | null; reference: string | null; created_at: string }
  recommendations: {
    id: Generated<number>
    report_id: number
    number: string
    title: string
    text: string
    theme: string | null
    position: number
    version: Generated<number>
    updated_by: string | null
    updated_at: string | null
  }
  recommendation_addressees: {
    id: Generated<number>
    recommendation_id: number
    organisation_id: number | null
    group_id: number | null
  }
  cycles: { id: Generated<number>; name: string; starts_on: string | null; ends_on: string | null; created_at: string }
  originals: { sha256: string; size: number; bytes: Uint8Array }
  letters: {
    id: Generated<number>
    original_sha256: string
    file_name: string
    format: string
    direction: Generated<'incoming' | 'outgoing'>
    organisation_id: number | null
    signatory: string | null
    letter_date: string | null
    subject: string | null
    body_text: string
    inference_json: Generated<string>
    imported_at: string
    import_method: string
    /** 1 when the text was read by OCR from pictures. */
    ocr: Generated<0 | 1>
    /** The e-mail this letter was attached to. */
    parent_letter_id: number | null
    recipient: string | null
    /** JSON [{ name, letterId, note }]: an e-mail's attachments, imported or only listed. */
    attachments_json: Generated<string>
    /** When the letter was put in the bin (null: not in the bin), and by whom. */
    deleted_at: string | null
    deleted_by: string | null
    /** 1 when imported, one more at every change (see history/versions.ts); who changed it last, and when. */
    version: Generated<number>
    updated_by: string | null
    updated_at: string | null
  }
  letter_fingerprints: { letter_id: number; signature: Uint8Array }
  letter_fingerprint_bands: { band_key: number; letter_id: number }
  near_duplicates: { letter_id: number; duplicate_of: number; similarity: number; dismissed: Generated<0 | 1>; found_at: string }
  passages: {
    id: Generated<number>
    letter_id: number
    start_offset: number
    end_offset: number
    quote: string
    created_at: string
    /** Up to 32 characters either side of the quote, to tell identical quotes apart. */
    prefix: Generated<string>
    suffix: Generated<string>
    /** How the passage was last found in its letter's text. */
    anchor: Generated<'exact' | 'moved' | 'fuzzy' | 'lost'>
  }
  links: {
    id: Generated<number>
    letter_id: number
    passage_id: number | null
    recommendation_id: number
    note: string | null
    created_by: string
    created_at: string
  }
  assessments: {
    id: Generated<number>
    recommendation_id: number
    cycle_id: number
    status: string
    response: string | null
    narrative: Generated<string>
    updated_by: string
    updated_at: string
    version: Generated<number>
  }
  audit_log: {
    id: Generated<number>
    at: string
    actor: string
    action: string
    entity: string
    entity_id: number | null
    before_json: string | null
    after_json: string | null
    /** The rows the change touched, before and after (see history/changes.ts); null when not undoable. */
    changes_json: Generated<string | null>
  }
  audit_subjects: { entity: string; entity_id: number; audit_id: number }
  suggestion_rejections: { id: Generated<number>; letter_id: number; recommendation_id: number; rejected_by: string; rejected_at: string }
  assessment_evidence: { id: Generated<number>; assessment_id: number; link_id: number }
  commitments: {
    id: Generated<number>
    letter_id: number
    start_offset: number
    end_offset: number
    text: string
    due_on: string
    due_text: string
    recommendation_id: number | null
    status: 'open' | 'met' | 'missed' | 'dismissed'
    note: string | null
    created_by: string
    created_at: string
    updated_at: string
  }
  saved_views: {
    id: Generated<number>
    name: string
    query: string
    filters_json: Generated<string>
    sort: Generated<'relevance' | 'date'>
    created_at: string
    updated_at: string
  }
  settings: { key: string; value: string }
  group_preambles: { id: Generated<number>; group_id: number; cycle_id: number; text: string; updated_by: string; updated_at: string; version: Generated<number> }
  /** Who only reads (role 'reader'); with no rows, everyone is an editor. */
  people: { name: string; role: 'editor' | 'reader' }
}
