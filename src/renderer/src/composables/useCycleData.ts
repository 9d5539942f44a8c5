// What a view shows of the working cycle: loaded when the view opens (after `first`, such as the
// list of cycles or the view's settings) and again whenever the working cycle changes.
import { onMounted, watch } from 'vue'
import { useCyclesStore } from '../stores/cycles'

type CyclesStore = ReturnType<typeof useCyclesStore>

export function useCycleData(load: () => unknown, first?: (cycles: CyclesStore) => unknown): CyclesStore {
  const cycles = useCyclesStore()
  onMounted(async () => {
    await first?.(cycles)
    await load()
  })
  watch(
    () => cycles.selectedId,
    () => load(),
  )
  return cycles
}
