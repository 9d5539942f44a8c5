// The static list of migrations, oldest first. Bundlers cannot scan a folder at run time, so each
// migration is imported here by name. Version N of the schema = the first N entries applied.
import type { Migration } from '../../migration'
import * as initial from './0001-initial'
import * as reviewWorkspace from './0002-review-workspace'
import * as letterImport from './0003-letter-import'
import * as searchIndex from './0004-search-index'
import * as letterVocabulary from './0005-letter-vocabulary'
import * as letterListIndex from './0006-letter-list-index'
import * as registerEditing from './0007-register-editing'
import * as groupPreambles from './0008-group-preambles'
import * as lettersBin from './0009-letters-bin'
import * as versionsAndRoles from './0010-versions-and-roles'
import * as auditSubjectsByAudit from './0011-audit-subjects-by-audit'

export const MIGRATIONS: readonly Migration[] = [
  { name: '0001-initial', up: initial.up },
  { name: '0002-review-workspace', up: reviewWorkspace.up },
  { name: '0003-letter-import', up: letterImport.up },
  { name: '0004-search-index', up: searchIndex.up },
  { name: '0005-letter-vocabulary', up: letterVocabulary.up },
  { name: '0006-letter-list-index', up: letterListIndex.up },
  { name: '0007-register-editing', up: registerEditing.up },
  { name: '0008-group-preambles', up: groupPreambles.up },
  { name: '0009-letters-bin', up: lettersBin.up },
  { name: '0010-versions-and-roles', up: versionsAndRoles.up },
  { name: '0011-audit-subjects-by-audit', up: auditSubjectsByAudit.up },
]

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length
