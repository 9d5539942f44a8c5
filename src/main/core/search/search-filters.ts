// How each search filter applies to each kind of result (letters, passages, recommendations,
// narratives). A filter that cannot apply to a kind leaves that kind out when it is set (a date
// range says nothing about a recommendation's text), rather than silently ignoring the filter.
//
//                     letter / passage                 recommendation / narrative
//   organisation      sender                            an addressee (directly or by group)
//   group             sender's group                    addressed to the group or one of its organisations
//   dateFrom/dateTo   letter date                       (kind left out)
//   format            letter format                     (kind left out)
//   linked            letter has links / none           has links / none; narratives left out
//                     (passages only with 'linked')
//   cycleId           letter dated within the cycle     status as in that cycle; narratives of that cycle
//   status            linked to a recommendation with   status in the cycle (default: the latest)
//                     that status in the cycle
//
// The conditions themselves (SQL) are built in search-filters-repository.ts.
import type { SearchFilters, SearchKind } from '../../../shared/domain/review-dto'
import type { Cycle } from '../../../shared/domain/dto'

export interface FilterContext {
  filters: SearchFilters
  /** The cycle named by cycleId, or the latest one (for a status filter); null when there are none. */
  cycle: Cycle | null
  groupId: number | null
}

export function kindApplies(kind: SearchKind, filters: SearchFilters): boolean {
  if (filters.kinds && !filters.kinds.includes(kind)) return false
  const letterOnly = filters.dateFrom !== undefined || filters.dateTo !== undefined || filters.format !== undefined
  switch (kind) {
    case 'letter':
      return true
    case 'passage':
      return filters.linked !== 'unlinked'
    case 'recommendation':
      return !letterOnly
    case 'narrative':
      return !letterOnly && filters.linked === undefined
  }
}
