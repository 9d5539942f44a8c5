// J/K and the arrow keys move between the row links of a table, as in the letters list, so a
// table of recommendations or organisations can be walked without a mouse.
import type { Ref } from 'vue'
import { isPlainKey } from '../lib/keyboard'

export function useRowKeys(container: Ref<HTMLElement | null>, selector = '[data-row-link]') {
  function onKeydown(event: KeyboardEvent) {
    if (!isPlainKey(event) || !container.value) return
    const step = event.key === 'ArrowDown' || event.key === 'j' ? 1 : event.key === 'ArrowUp' || event.key === 'k' ? -1 : 0
    if (step === 0) return
    const links = [...container.value.querySelectorAll<HTMLElement>(selector)]
    const index = links.indexOf(document.activeElement as HTMLElement)
    if (index === -1) return
    const next = links[index + step]
    if (!next) return
    event.preventDefault()
    next.focus()
  }
  return { onKeydown }
}
