// The arithmetic of a virtual list whose rows all have the same height (the letters list, the
// search results): which rows to render and where to scroll to show one. It costs the same at
// 50 000 rows as at 50, where a general virtualiser measures every row when the list is created
// (10-16 ms at 50 000 letters, on each visit to the Letters view).

/** The rows from `first` to `last` (inclusive) are on screen or within `overscan` rows of it. */
export interface RowWindow {
  first: number
  last: number
}

export interface RowGeometry {
  count: number
  rowHeight: number
  /** The scroll offset of the list and the height of its visible part, in pixels. */
  scrollTop: number
  viewportHeight: number
}

/** The rows to render, or null when the list is empty. */
export function rowWindow({ count, rowHeight, scrollTop, viewportHeight }: RowGeometry, overscan: number): RowWindow | null {
  if (count <= 0) return null
  const top = Math.max(0, scrollTop)
  const firstShown = Math.min(count - 1, Math.floor(top / rowHeight))
  const lastShown = Math.min(count - 1, Math.max(firstShown, Math.ceil((top + viewportHeight) / rowHeight) - 1))
  return { first: Math.max(0, firstShown - overscan), last: Math.min(count - 1, lastShown + overscan) }
}

/** Where to scroll so row `index` is wholly in view, moving as little as possible; null when it already is. */
export function scrollTopShowing(index: number, { rowHeight, scrollTop, viewportHeight }: Omit<RowGeometry, 'count'>): number | null {
  const start = index * rowHeight
  const end = start + rowHeight
  if (start < scrollTop) return start
  if (end > scrollTop + viewportHeight) return Math.max(0, end - viewportHeight)
  return null
}
