// The contract's method names without its schemas, for the sandboxed preload, which must stay
// small and free of dependencies. contract.ts checks at compile time that the two lists agree.
import { REVIEW_METHOD_NAMES } from './review-method-names'

export const METHOD_NAMES = [
  'app.info',
  'app.chooseStart',
  'groups.list',
  'organisations.list',
  'organisations.create',
  'reports.list',
  'cycles.list',
  'letters.list',
  'letters.get',
  'letters.import',
  'letters.update',
  'letters.nearDuplicates',
  'letters.merge',
  'letters.dismissNearDuplicate',
  'letters.importLimits',
  'letters.saveImportLimits',
  'recommendations.list',
  'recommendations.get',
  'links.create',
  'links.remove',
  'assessments.set',
  'summary.export',
  'summary.outline',
  'summary.settings',
  'summary.saveSettings',
  'register.export',
  'files.openExport',
  'letters.openOriginal',
  'organisations.importCsv',
  'recommendations.importCsv',
  'backup.list',
  'backup.now',
  'backup.restore',
  'audit.recent',
  ...REVIEW_METHOD_NAMES,
] as const

export const RPC_CHANNEL = 'progress-desk:rpc'
