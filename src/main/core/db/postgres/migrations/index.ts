// PostgreSQL's migrations, oldest first, listed statically as SQLite's are (bundles cannot scan a
// folder). PostgreSQL's schema versions count on their own: version 1 here is SQLite's 6,
// and each later one is SQLite's next (2 is 7, 3 is 8, 4 is 9, 5 is 10).
import type { Migration } from '../../migration'
import * as initial from './0001-initial'
import * as registerEditing from './0002-register-editing'
import * as groupPreambles from './0003-group-preambles'
import * as lettersBin from './0004-letters-bin'
import * as versionsAndRoles from './0005-versions-and-roles'
import * as auditSubjectsByAudit from './0006-audit-subjects-by-audit'

export const MIGRATIONS: readonly Migration[] = [
  { name: '0001-initial', up: initial.up },
  { name: '0002-register-editing', up: registerEditing.up },
  { name: '0003-group-preambles', up: groupPreambles.up },
  { name: '0004-letters-bin', up: lettersBin.up },
  { name: '0005-versions-and-roles', up: versionsAndRoles.up },
  { name: '0006-audit-subjects-by-audit', up: auditSubjectsByAudit.up },
]

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length
