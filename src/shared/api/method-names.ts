// The contract's method names without its schemas, for the sandboxed preload, which must stay
// small and free of dependencies. contract.ts checks at compile time that the two lists agree.
export const METHOD_NAMES = [
  'app.info',
  'app.chooseStart',
  'groups.list',
  'organisations.list',
  'reports.list',
  'cycles.list',
  'letters.list',
  'letters.get',
  'letters.import',
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
  'backup.list',
  'backup.now',
  'backup.restore',
  'audit.recent',
] as const

export const RPC_CHANNEL = 'progress-desk:rpc'
