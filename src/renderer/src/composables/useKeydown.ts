import { onBeforeUnmount, onMounted } from 'vue'

/** A window-wide key handler that lives as long as the component that registers it. */
export function useKeydown(handler: (event: KeyboardEvent) => void) {
  onMounted(() => window.addEventListener('keydown', handler))
  onBeforeUnmount(() => window.removeEventListener('keydown', handler))
}
