// A dialog's form: each time the dialog opens, `prepare` readies what the form needs (a store's
// last outcome cleared, a list loaded), the fields start again from `fresh`, and the errors hide;
// the first save (`check`) shows them — from then on each error follows what its field holds —
// and focuses the first field that is wrong.
import { reactive, ref, watch, type Ref } from 'vue'

export function useDialogForm<T extends object>(open: Ref<boolean>, fresh: () => T, prepare?: () => void) {
  /** The fields' values, bound with v-model="fields.name". */
  const fields = reactive(fresh()) as T
  /** Set by the first save. */
  const tried = ref(false)

  watch(
    open,
    (isOpen) => {
      if (!isOpen) return
      prepare?.()
      Object.assign(fields, fresh())
      tried.value = false
    },
    { immediate: true },
  )

  /** Marks the form as tried, then focuses the field `firstWrong` names (its id), if any; true when none is wrong. */
  function check(firstWrong: () => string | null): boolean {
    tried.value = true
    const id = firstWrong()
    if (id !== null) document.getElementById(id)?.focus()
    return id === null
  }

  return { fields, tried, check }
}
