// The contract's method names without its schemas, for the sandboxed preload, which must stay
// small and free of dependencies. contract.ts checks at compile time that the two lists agree.
// Grouped as the contract's slices are.

export const METHOD_NAMES = [
  // app.ts
  'app.info',
  'app.chooseStart',
  'app.check',
  // letters.ts
  'letters.list',
  'letters.get',
  'letters.import',
  'letters.update',
  'letters.nearDuplicates',
  'letters.merge',
  'letters.dismissNearDuplicate',
  'letters.importLimits',
  'letters.saveImportLimits',
  'letters.openOriginal',
  'letters.importGroup',
  'letters.saveOriginal',
  'letters.delete',
  'letters.restore',
  'letters.bin',
  'letters.purge',
  'letters.emptyBin',
  'letters.setDirection',
  // organisations.ts
  'groups.list',
  'groups.order',
  'groups.reorder',
  'organisations.list',
  'organisations.create',
  'organisations.update',
  'organisations.merge',
  'organisations.closest',
  'organisations.unmatchedLetters',
  'organisations.assignLetters',
  'organisations.importCsv',
  'chase.list',
  // recommendations.ts
  'reports.list',
  'reports.create',
  'reports.update',
  'recommendations.list',
  'recommendations.get',
  'recommendations.create',
  'recommendations.update',
  'recommendations.importCsv',
  // cycles.ts
  'cycles.list',
  'cycles.find',
  'cycles.create',
  'cycles.compare',
  'assessments.set',
  'dashboard.get',
  // links.ts
  'links.create',
  'links.update',
  'links.remove',
  'passages.list',
  'passages.create',
  'passages.remove',
  'passages.reanchor',
  // suggestions.ts
  'suggestions.forLetter',
  'suggestions.forPassage',
  'suggestions.forRecommendation',
  'suggestions.accept',
  'suggestions.reject',
  // commitments.ts
  'commitments.offers',
  'commitments.accept',
  'commitments.dismiss',
  'commitments.setStatus',
  'commitments.list',
  // search.ts
  'search.query',
  'searchViews.list',
  'searchViews.save',
  'searchViews.remove',
  // summary.ts
  'summary.export',
  'summary.outline',
  'summary.settings',
  'summary.saveSettings',
  'summary.preambles',
  'summary.setPreamble',
  'register.export',
  'files.openExport',
  // history.ts
  'audit.recent',
  'history.forItem',
  'history.state',
  'history.undo',
  'history.redo',
  // backup.ts
  'backup.list',
  'backup.now',
  'backup.restore',
  'backup.copy',
  // people.ts
  'people.list',
  'people.setRole',
] as const

export const RPC_CHANNEL = 'progress-desk:rpc'
