// Where a floating panel (the link picker, a passage's links) goes beside what it belongs to: below
// it when it fits in the visible area, else above it, else as low as it can go while its top stays
// visible — never cut off at the bottom of the window.

export interface Band {
  top: number
  bottom: number
}

/** The top of a panel `height` tall next to `anchor`, both in viewport pixels, within `view`. */
export function placeVertically(anchor: Band, height: number, view: Band, gap = 8): number {
  const below = anchor.bottom + gap
  if (below + height <= view.bottom - gap) return below
  const above = anchor.top - gap - height
  if (above >= view.top + gap) return above
  return Math.max(view.top + gap, view.bottom - gap - height)
}

/** The part of the window `element` shows (a scroll container's box cut to the window). */
export function visibleBand(element: Element | null): Band {
  const box = element?.getBoundingClientRect()
  return { top: Math.max(0, box?.top ?? 0), bottom: Math.min(window.innerHeight, box?.bottom ?? window.innerHeight) }
}

/** The nearest ancestor that scrolls, whose visible box bounds what floats inside it. */
export function scrollParent(element: Element | null): HTMLElement | null {
  for (let node = element?.parentElement ?? null; node; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY
    if (overflow === 'auto' || overflow === 'scroll') return node
  }
  return null
}
