// A caret in the letter's text, which is read, never edited: the text element takes focus, the
// selection's moving end is drawn as a caret (Chromium draws none in text that is not editable),
// and keys move or extend the selection with the browser's own Selection.modify, as caret
// browsing would. S selects the sentence at the caret and P the paragraph (again: one more).
// Nothing is contenteditable, so screen readers do not announce an edit box and no key can
// change the letter.
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'
import { sentenceSpans } from '../../../shared/domain/sentences'
import { paragraphRanges, type Range } from '../lib/highlights'
import { caretOffset, selectOffsets, selectionRange } from '../lib/selection'
import { scrollParent } from '../lib/floating'

type Direction = 'forward' | 'backward'
type Granularity = 'character' | 'word' | 'line' | 'lineboundary' | 'paragraph' | 'documentboundary'

/** Arrow, Home and End: [direction, granularity without Ctrl, granularity with Ctrl]. */
const MOVES: Record<string, [Direction, Granularity, Granularity]> = {
  ArrowLeft: ['backward', 'character', 'word'],
  ArrowRight: ['forward', 'character', 'word'],
  ArrowUp: ['backward', 'line', 'paragraph'],
  ArrowDown: ['forward', 'line', 'paragraph'],
  Home: ['backward', 'lineboundary', 'documentboundary'],
  End: ['forward', 'lineboundary', 'documentboundary'],
}

export interface CaretBox {
  top: number
  left: number
  height: number
}

export function useReadingCaret(options: {
  /** The positioned box the caret is drawn in. */
  box: Ref<HTMLElement | null>
  /** The text element: it holds the pieces with data-start/data-end and takes focus. */
  text: Ref<HTMLElement | null>
  body: () => string
  /** Called after a key changed the selection. */
  selected: () => void
}) {
  const caret = ref<CaretBox | null>(null)
  const focused = ref(false)

  function inText(node: Node | null | undefined): boolean {
    return !!node && !!options.text.value?.contains(node)
  }

  function update() {
    const selection = document.getSelection()
    const box = options.box.value
    if (!focused.value || !box || !selection?.focusNode || !inText(selection.focusNode)) {
      caret.value = null
      return
    }
    const point = document.createRange()
    point.setStart(selection.focusNode, selection.focusOffset)
    const rect = point.getClientRects()[0] ?? point.getBoundingClientRect()
    if (rect.height === 0) {
      caret.value = null
      return
    }
    const origin = box.getBoundingClientRect()
    caret.value = { top: rect.top - origin.top, left: rect.left - origin.left, height: rect.height }
  }

  /** Keeps the caret in sight in the pane that scrolls. */
  function reveal() {
    const selection = document.getSelection()
    if (!selection?.focusNode) return
    const point = document.createRange()
    point.setStart(selection.focusNode, selection.focusOffset)
    const rect = point.getClientRects()[0] ?? point.getBoundingClientRect()
    const scroller = scrollParent(options.text.value)
    if (!scroller || rect.height === 0) return
    const view = scroller.getBoundingClientRect()
    const margin = rect.height * 2
    if (rect.top < view.top + margin) scroller.scrollTop -= view.top + margin - rect.top
    else if (rect.bottom > view.bottom - margin) scroller.scrollTop += rect.bottom - (view.bottom - margin)
  }

  /** Focus arriving from the keyboard: the caret starts at the first words in view. */
  function onFocus() {
    focused.value = true
    const text = options.text.value
    const selection = document.getSelection()
    if (text && selection && !inText(selection.focusNode)) {
      const scroller = scrollParent(text)
      const top = scroller?.getBoundingClientRect().top ?? 0
      const pieces = [...text.querySelectorAll<HTMLElement>('[data-start]')]
      const first = pieces.find((piece) => piece.getBoundingClientRect().bottom > top) ?? pieces[0]
      if (first) selectOffsets(text, { start: Number(first.dataset.start), end: Number(first.dataset.start) })
    }
    update()
  }

  function onBlur() {
    focused.value = false
    caret.value = null
  }

  /** The sentence or paragraph at the caret; pressed again, the selection grows by one more. */
  function selectUnit(unit: 'sentence' | 'paragraph') {
    const text = options.text.value
    if (!text) return
    const body = options.body()
    const paragraphs = paragraphRanges(body)
    const units = unit === 'paragraph' ? paragraphs : paragraphs.flatMap((paragraph) => sentenceSpans(body, paragraph))
    const current = selectionRange(text)
    const whole = current && units.some((u) => u.start === current.start) && units.some((u) => u.end === current.end)
    let chosen: Range | undefined
    if (current && whole) {
      const next = units.find((u) => u.start >= current.end)
      chosen = next ? { start: current.start, end: next.end } : current
    } else {
      const at = caretOffset(text) ?? 0
      chosen = units.find((u) => u.start <= at && at < u.end) ?? units.find((u) => u.start >= at) ?? units.at(-1)
    }
    if (chosen) selectOffsets(text, chosen)
  }

  /** Handles a key pressed in the text; true when it did something. */
  function onKeydown(event: KeyboardEvent): boolean {
    if (event.altKey || event.metaKey) return false
    const selection = document.getSelection()
    if (!selection) return false
    const move = MOVES[event.key]
    if (move) {
      const [direction, plain, withCtrl] = move
      if (!inText(selection.focusNode)) onFocus()
      selection.modify(event.shiftKey ? 'extend' : 'move', direction, event.ctrlKey ? withCtrl : plain)
      if (!inText(selection.focusNode)) onFocus()
    } else if (!event.ctrlKey && (event.key === 's' || event.key === 'S')) selectUnit('sentence')
    else if (!event.ctrlKey && (event.key === 'p' || event.key === 'P')) selectUnit('paragraph')
    else return false
    event.preventDefault()
    reveal()
    update()
    options.selected()
    return true
  }

  /** Puts the caret at `offset` and the focus in the text (after linking or closing a panel). */
  function placeAt(range: Range) {
    const text = options.text.value
    if (!text) return
    text.focus({ preventScroll: true })
    selectOffsets(text, range)
    reveal()
    update()
  }

  const onSelectionChange = () => update()
  onMounted(() => document.addEventListener('selectionchange', onSelectionChange))
  onBeforeUnmount(() => document.removeEventListener('selectionchange', onSelectionChange))

  return { caret, focused, onFocus, onBlur, onKeydown, placeAt, update }
}
