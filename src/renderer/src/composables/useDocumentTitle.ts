import { toValue, watchEffect, type MaybeRefOrGetter } from 'vue'

/** "Letters – Progress Desk": the window title and what a screen reader announces on arrival. */
export function useDocumentTitle(title: MaybeRefOrGetter<string>) {
  watchEffect(() => {
    document.title = `${toValue(title)} – Progress Desk`
  })
}
