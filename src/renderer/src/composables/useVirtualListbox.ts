// The keyboard and virtualising logic of a single-select listbox that grows to thousands of rows
// (the letters list, the search results). Focus stays on the listbox element and
// aria-activedescendant names the active row, which the virtualiser always renders so screen
// readers follow J/K, the arrows, Page Up/Down, Home and End. Moving only highlights; Enter,
// Space or a click opens the active row. Lists that offer more act on the active row too: Del
// (or Backspace, the Mac's delete key) removes it, Shift+F10 or the Menu key opens its menu.
import { computed, ref, toValue, watch, type MaybeRefOrGetter } from 'vue'
import { isPlainKey } from '../lib/keyboard'
import { rowWindow, scrollTopShowing } from '../lib/row-window'

export interface VirtualListboxOptions {
  /** How many rows the list has (fetched or not). */
  count: MaybeRefOrGetter<number>
  rowHeight: number
  /** How many rows Page Up and Page Down move. */
  page: number
  overscan: number
  /** The DOM id of the option at `index`, for aria-activedescendant. */
  optionId: (index: number) => string
  /** Vue's key for the row at `index` (its position, unless the rows have ids of their own). */
  key?: (index: number) => string | number
  /** Called when the row at `index` is opened (Enter, Space or a click). */
  open: (index: number) => void
  /** Called with the active row on Del or Backspace, when the list lets rows be removed. */
  remove?: (index: number) => void
  /** Called with the active row on Shift+F10 or the Menu key, when rows have a context menu. */
  menu?: (index: number) => void
}

export function useVirtualListbox(options: VirtualListboxOptions) {
  const scroller = ref<HTMLElement | null>(null)
  const activeIndex = ref(-1)
  const count = computed(() => toValue(options.count))

  // The rows are all `rowHeight` high, so where the list is scrolled to says which to render.
  const scrollTop = ref(0)
  const viewportHeight = ref(0)
  function measure(element: HTMLElement) {
    scrollTop.value = element.scrollTop
    viewportHeight.value = element.clientHeight
  }
  watch(
    scroller,
    (element, _before, onCleanup) => {
      if (!element) return
      const onScroll = () => (scrollTop.value = element.scrollTop)
      const resized = new ResizeObserver(() => (viewportHeight.value = element.clientHeight))
      measure(element)
      element.addEventListener('scroll', onScroll, { passive: true })
      resized.observe(element)
      onCleanup(() => {
        element.removeEventListener('scroll', onScroll)
        resized.disconnect()
      })
    },
    { flush: 'post' },
  )
  const shown = computed(() => rowWindow({ count: count.value, rowHeight: options.rowHeight, scrollTop: scrollTop.value, viewportHeight: viewportHeight.value }, options.overscan))
  // Numbers, so scrolling within the same rows renders nothing again.
  const first = computed(() => shown.value?.first ?? 0)
  const last = computed(() => shown.value?.last ?? -1)
  const rows = computed(() => Array.from({ length: last.value - first.value + 1 }, (_, i) => ({ index: first.value + i, start: (first.value + i) * options.rowHeight })))
  const trackStyle = computed(() => ({ height: `${count.value * options.rowHeight}px` }))

  function scrollToOffset(offset: number) {
    const element = scroller.value
    if (!element) return
    const clamped = Math.max(0, Math.min(offset, count.value * options.rowHeight - viewportHeight.value))
    element.scrollTop = clamped
    // Noted at once, so the rows follow without waiting for the scroll event.
    scrollTop.value = clamped
  }

  // From the offset and height last noted, not read from the element: reading them after the rows
  // have changed (a click highlights one) would make the browser lay the page out there and then.
  function scrollToIndex(index: number) {
    if (viewportHeight.value === 0 && scroller.value) measure(scroller.value)
    const offset = scrollTopShowing(index, { rowHeight: options.rowHeight, scrollTop: scrollTop.value, viewportHeight: viewportHeight.value })
    if (offset !== null) scrollToOffset(offset)
  }

  const activeId = computed(() => {
    const index = activeIndex.value
    return index >= 0 && index < count.value && rows.value.some((row) => row.index === index) ? options.optionId(index) : undefined
  })

  /** The rendered rows, each with what every row component binds: its id, place and position. */
  const items = computed(() =>
    rows.value.map((row) => ({
      index: row.index,
      key: options.key ? options.key(row.index) : row.index,
      attrs: {
        id: options.optionId(row.index),
        style: { transform: `translateY(${row.start}px)`, height: `${options.rowHeight}px` },
        position: row.index + 1,
        total: count.value,
        active: row.index === activeIndex.value,
      },
    })),
  )

  function moveTo(index: number) {
    if (count.value === 0) return
    activeIndex.value = Math.max(0, Math.min(count.value - 1, index))
    scrollToIndex(activeIndex.value)
  }

  function openIndex(index: number) {
    if (index < 0 || index >= count.value) return
    activeIndex.value = index
    options.open(index)
  }

  function onFocus() {
    if (activeIndex.value === -1) moveTo(0)
  }

  function hasActive(): boolean {
    return activeIndex.value >= 0 && activeIndex.value < count.value
  }

  function onKeydown(event: KeyboardEvent) {
    if (!isPlainKey(event)) return
    const isMenuKey = event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)
    if (options.menu && isMenuKey && hasActive()) {
      event.preventDefault()
      options.menu(activeIndex.value)
      return
    }
    if (options.remove && (event.key === 'Delete' || event.key === 'Backspace') && !event.shiftKey && hasActive()) {
      event.preventDefault()
      options.remove(activeIndex.value)
      return
    }
    const steps: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1, PageDown: options.page, PageUp: -options.page }
    const step = steps[event.key]
    if (step !== undefined) moveTo(activeIndex.value + step)
    else if (event.key === 'Home') moveTo(0)
    else if (event.key === 'End') moveTo(count.value - 1)
    else if (event.key === 'Enter' || event.key === ' ') openIndex(activeIndex.value)
    else return
    event.preventDefault()
  }

  /** What the listbox element binds: `v-bind="listbox"` next to its role and label. */
  const listbox = computed(() => ({
    role: 'listbox',
    tabindex: 0,
    'aria-activedescendant': activeId.value,
    onFocus,
    onKeydown,
  }))

  return { scroller, activeIndex, rows, items, trackStyle, listbox, moveTo, openIndex, scrollToOffset }
}
