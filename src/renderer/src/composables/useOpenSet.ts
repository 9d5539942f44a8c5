// Which of a list's rows are expanded (a redline shown, a change's details open): a set replaced
// on every toggle (a shallow ref: the set is never changed in place), so templates that read it
// re-render.
import { shallowRef } from 'vue'

export function useOpenSet<K>() {
  const open = shallowRef(new Set<K>())

  function toggle(key: K) {
    const next = new Set(open.value)
    if (next.has(key)) next.delete(key)
    else next.add(key)
    open.value = next
  }

  return { open, toggle }
}
