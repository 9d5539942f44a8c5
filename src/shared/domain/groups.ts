// Stakeholder groups (DOMAIN.md), in the default order of the progress summary's sections.
export const DEFAULT_GROUPS = [
  'Government',
  'Parliament',
  'Political parties',
  'Policing and prosecution',
  'Social media companies',
  'Press regulators',
  'Broadcasters',
  'Local government',
  'Civil society',
  'Other',
] as const
