// A dialog's form: each time the dialog opens, `prepare` readies what the form needs (a store's
// last outcome cleared, a list loaded), the fields start again from `fresh`, and the errors hide;
// the first save (`check`) shows them — from then on each error follows what its field holds —
// and focuses the first field that is wrong. An edit of a versioned entry names `versionOf`: the
// fields then follow useVersionedDraft's rules while the dialog is open (a colleague's save is
// taken while nothing is typed, else announced and the save is made from the version opened).
import { ref, watch, type Ref } from 'vue'
import { useVersionedDraft } from './useVersionedDraft'

interface EntryVersion {
  version: number
  updatedBy?: string | null
  updatedAt?: string | null
}

export function useDialogForm<T extends object>(open: Ref<boolean>, fresh: () => T, prepare?: () => void, versionOf?: () => EntryVersion | null) {
  const versioned = useVersionedDraft(() => {
    const entry = versionOf?.() ?? null
    return { value: fresh(), version: entry?.version ?? 0, updatedBy: entry?.updatedBy ?? null, updatedAt: entry?.updatedAt ?? null }
  })
  /** The fields' values, bound with v-model="fields.name". */
  const fields = versioned.draft.value
  /** Set by the first save. */
  const tried = ref(false)

  watch(
    open,
    (isOpen) => {
      if (!isOpen) return
      prepare?.()
      versioned.reset()
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

  return { fields, tried, check, version: versioned.version, changedUnderneath: versioned.changedUnderneath }
}
