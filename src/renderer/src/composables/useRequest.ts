// The loading/error bookkeeping every store needs, in one place. Only the latest call of a
// request may write its result, so a slow answer never overwrites a newer one (for example when
// someone moves quickly from letter to letter).
import { ref } from 'vue'
import { ApiCallError } from '../../../shared/api/client'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

/** The core's messages are written for people and shown as given; anything else is ours. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiCallError) return error.message
  return 'Progress Desk could not reach its database. Close the app, open it again and try once more.'
}

export function useRequest() {
  const status = ref<LoadStatus>('idle')
  const error = ref<string | null>(null)
  let latest = 0

  /** Runs `work`; on success hands its value to `apply`. Resolves true when it succeeded. */
  async function run<T>(work: () => Promise<T>, apply: (value: T) => void = () => {}): Promise<boolean> {
    const ticket = ++latest
    status.value = 'loading'
    error.value = null
    try {
      const value = await work()
      if (ticket !== latest) return false
      apply(value)
      status.value = 'ready'
      return true
    } catch (caught) {
      if (ticket !== latest) return false
      error.value = messageOf(caught)
      status.value = 'error'
      return false
    }
  }

  function reset() {
    latest++
    status.value = 'idle'
    error.value = null
  }

  return { status, error, run, reset }
}
