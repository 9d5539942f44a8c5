// Where a selection in the rendered letter is in the letter's `bodyText`. Every piece of text is
// rendered in an element carrying data-start/data-end (its offsets), and nothing else in the text
// column holds letter text (badges are marked data-badge-end), so a DOM position maps to an
// offset without searching for the words.
import type { Range } from './highlights'

function pieceOf(node: Node): HTMLElement | null {
  const element = node instanceof HTMLElement ? node : node.parentElement
  return element?.closest<HTMLElement>('[data-start]') ?? null
}

/** The offset in bodyText of a DOM position (node, offset) inside `root`, or null if outside. */
function offsetAt(root: HTMLElement, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null
  if (node.nodeType === Node.TEXT_NODE) {
    const piece = pieceOf(node)
    if (piece) return Number(piece.dataset.start) + offset
    // Inside a badge: the position is the end of the passage it belongs to.
    const badge = node.parentElement?.closest<HTMLElement>('[data-badge-end]')
    return badge ? Number(badge.dataset.badgeEnd) : null
  }
  // An element boundary: the first piece after it starts there; after the last piece, its end.
  const point = document.createRange()
  point.setStart(node, offset)
  const pieces = [...root.querySelectorAll<HTMLElement>('[data-start]')]
  const next = pieces.find((piece) => point.comparePoint(piece, 0) >= 0)
  if (next) return Number(next.dataset.start)
  const last = pieces[pieces.length - 1]
  return last ? Number(last.dataset.end) : null
}

/** The current selection as [start, end) in bodyText when it lies within `root` and holds words. */
export function selectionRange(root: HTMLElement): Range | null {
  const selection = document.getSelection()
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null
  const range = selection.getRangeAt(0)
  if (!root.contains(range.commonAncestorContainer)) return null
  const start = offsetAt(root, range.startContainer, range.startOffset)
  const end = offsetAt(root, range.endContainer, range.endOffset)
  if (start === null || end === null || end <= start) return null
  return { start, end }
}

/** Narrows [start, end) to leave out white space at either end, as the core does. */
export function trimRange(text: string, range: Range): Range | null {
  let { start, end } = range
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return end > start ? { start, end } : null
}

/** The offset in bodyText of the selection's moving end (its focus), the reading caret. */
export function caretOffset(root: HTMLElement): number | null {
  const selection = document.getSelection()
  if (!selection?.focusNode) return null
  return offsetAt(root, selection.focusNode, selection.focusOffset)
}

/** The DOM position of a bodyText offset: inside the piece holding it (or ending at it). */
function pointAt(root: HTMLElement, offset: number): { node: Node; offset: number } | null {
  let ending: HTMLElement | null = null
  for (const piece of root.querySelectorAll<HTMLElement>('[data-start]')) {
    const start = Number(piece.dataset.start)
    const end = Number(piece.dataset.end)
    const node = piece.firstChild
    if (!node) continue
    if (start <= offset && offset < end) return { node, offset: offset - start }
    if (end === offset) ending = piece
  }
  return ending?.firstChild ? { node: ending.firstChild, offset: ending.firstChild.textContent?.length ?? 0 } : null
}

/** Selects [start, end) of bodyText in the page (collapsed when start === end), focus at `end`. */
export function selectOffsets(root: HTMLElement, range: Range): boolean {
  const from = pointAt(root, range.start)
  const to = pointAt(root, range.end)
  const selection = document.getSelection()
  if (!from || !to || !selection) return false
  selection.setBaseAndExtent(from.node, from.offset, to.node, to.offset)
  return true
}
