// Schema v7: the register can be edited in the app, and every edit undone. Undo replays whole rows
// by their `id` (history/changes.ts), so the alias and e-mail domain tables, which had only
// compound keys, are rebuilt with one; organisations gain address fragments (words of their
// letterhead's address, matched like aliases). The summary's group order, kept until now in the
// export settings, becomes the groups' own positions, so the dashboard, the order list and the
// export read one order.
import { sql, type Kysely } from 'kysely'

const STATEMENTS = [
  `CREATE TABLE organisation_aliases_v7 (
     id INTEGER PRIMARY KEY,
     organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
     alias TEXT NOT NULL,
     UNIQUE (organisation_id, alias)
   ) STRICT`,
  `INSERT INTO organisation_aliases_v7 (organisation_id, alias) SELECT organisation_id, alias FROM organisation_aliases`,
  `DROP TABLE organisation_aliases`,
  `ALTER TABLE organisation_aliases_v7 RENAME TO organisation_aliases`,
  `CREATE TABLE organisation_domains_v7 (
     id INTEGER PRIMARY KEY,
     organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
     domain TEXT NOT NULL UNIQUE COLLATE NOCASE
   ) STRICT`,
  `INSERT INTO organisation_domains_v7 (organisation_id, domain) SELECT organisation_id, domain FROM organisation_domains`,
  `DROP TABLE organisation_domains`,
  `ALTER TABLE organisation_domains_v7 RENAME TO organisation_domains`,
  `CREATE INDEX organisation_domains_by_organisation ON organisation_domains(organisation_id)`,
  `CREATE TABLE organisation_addresses (
     id INTEGER PRIMARY KEY,
     organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
     fragment TEXT NOT NULL,
     UNIQUE (organisation_id, fragment)
   ) STRICT`,
]

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- runs before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
  await adoptSavedGroupOrder(db)
}

/**
 * A group order saved in the export settings becomes the groups' positions (the rest keep theirs,
 * after). Plain SQL both engines read: PostgreSQL's migration 0002 runs it too.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- runs before the typed schema exists
export async function adoptSavedGroupOrder(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ value: string }>`SELECT value FROM settings WHERE key = 'export.settings'`.execute(db)
  if (!rows[0]) return
  let saved: unknown
  try {
    saved = (JSON.parse(rows[0].value) as { groupOrder?: unknown }).groupOrder
  } catch {
    return
  }
  if (!Array.isArray(saved)) return
  const names = saved.filter((name): name is string => typeof name === 'string').map((name) => name.toLowerCase())
  const groups = (await sql<{ id: number; name: string }>`SELECT id, name FROM stakeholder_groups ORDER BY position, id`.execute(db)).rows
  const rank = (name: string) => {
    const index = names.indexOf(name.toLowerCase())
    return index < 0 ? names.length : index
  }
  const ordered = groups.map((group, index) => ({ ...group, index })).sort((a, b) => rank(a.name) - rank(b.name) || a.index - b.index)
  for (const [position, group] of ordered.entries()) await sql`UPDATE stakeholder_groups SET position = ${position} WHERE id = ${group.id}`.execute(db)
}
